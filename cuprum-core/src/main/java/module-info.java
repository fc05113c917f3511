/**
 * Cuprum: typed, allowlisted, observable execution of external programs.
 *
 * <p>Only the API packages are exported; {@code dev.cuprum.internal} and its subpackages are the
 * implementation and may change in any release.
 */
module dev.cuprum {
  exports dev.cuprum;
  exports dev.cuprum.builders;
  exports dev.cuprum.concurrent;
  exports dev.cuprum.context;
  exports dev.cuprum.events;
  exports dev.cuprum.logging;
  exports dev.cuprum.micrometer;
  // Cuprum's test support runs the real executor with a process launcher that starts no process.
  exports dev.cuprum.internal to dev.cuprum.test;
  exports dev.cuprum.internal.process to dev.cuprum.test;
  // Cuprum's Spring Batch steps mask the output they keep in the job repository.
  exports dev.cuprum.internal.util to dev.cuprum.test, dev.cuprum.spring.batch;

  requires transitive micrometer.observation;
  requires transitive micrometer.commons;
  requires transitive org.slf4j;
  requires static transitive org.jspecify;
  // MetricsHook takes a MeterRegistry: applications that use it bring micrometer-core.
  requires static micrometer.core;
  // The context accessor for Micrometer's context propagation, when that library is present.
  requires static context.propagation;

  provides io.micrometer.context.ThreadLocalAccessor with dev.cuprum.context.CuprumContextAccessor;
}
