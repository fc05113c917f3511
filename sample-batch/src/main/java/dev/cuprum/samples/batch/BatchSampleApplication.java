package dev.cuprum.samples.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BatchSampleApplication {

  /** Runs the job, or the commands, and exits with the outcome; a worker serves until it is stopped. */
  public static void main(String[] args) {
    ConfigurableApplicationContext context = SpringApplication.run(BatchSampleApplication.class, args);
    if (!context.getEnvironment().matchesProfiles("worker")) {
      System.exit(SpringApplication.exit(context));
    }
  }
}
