package dev.cuprum.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the sample service; {@code server.port} sets its port (8080 by default). */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public final class SampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
