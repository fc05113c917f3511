package dev.cuprum.spring.batch;

import dev.cuprum.ProgramCatalogue;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application with Spring Batch on an embedded database, Cuprum's starter and the test programs. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BatchTestApplication {

  @Bean
  ProgramCatalogue programCatalogue() {
    return TestPrograms.CATALOGUE;
  }

  @Bean
  TestObservationRegistry observationRegistry() {
    return TestObservationRegistry.create();
  }
}
