package dev.cuprum.spring.autoconfigure.integration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal application with everything on the test class path: web, actuator, Prometheus, tracing. */
@SpringBootApplication
public class TestApplication {}
