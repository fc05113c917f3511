package dev.cuprum.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Replaces the application's {@code CommandExecutor} with a {@link FakeCommandExecutor} in a
 * Spring Boot test ({@code @SpringBootTest}, {@code @WebMvcTest} and other slices). The fake is
 * built exactly as the starter builds the real executor (the catalogue from
 * {@code cuprum.catalogue.*}, the {@code cuprum.defaults.*} context, the hook beans, the
 * observation registry, every {@code CommandExecutorCustomizer}), so the application's hooks,
 * metrics and configuration are exercised; only no process starts. Inject the
 * {@code FakeCommandExecutor} to set expectations; it is verified after each test method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFakeCommandExecutor {}
