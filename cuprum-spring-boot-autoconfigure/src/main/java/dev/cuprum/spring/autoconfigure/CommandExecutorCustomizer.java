package dev.cuprum.spring.autoconfigure;

import dev.cuprum.CommandExecutor;

/**
 * Adjusts the auto-configured {@link CommandExecutor} without replacing it: every bean of this
 * type is applied in {@link org.springframework.core.annotation.Order @Order} after the
 * {@code cuprum.*} properties, the hook beans, the observation registry and the task executor,
 * and before the executor is built. A customizer can add hooks, set a default context or
 * override any property.
 */
@FunctionalInterface
public interface CommandExecutorCustomizer {

  /** Adjusts the builder of the auto-configured executor. */
  void customize(CommandExecutor.Builder builder);
}
