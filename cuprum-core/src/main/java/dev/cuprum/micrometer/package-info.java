/**
 * Micrometer integrations: a {@code cuprum.exec} observation per command (timers and spans
 * through the application's observation handlers) and {@link dev.cuprum.micrometer.MetricsHook}
 * for the execution counters. {@code micrometer-core} is needed only for the metrics hook.
 */
@NullMarked
package dev.cuprum.micrometer;

import org.jspecify.annotations.NullMarked;
