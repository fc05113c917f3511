/**
 * SLF4J integrations: {@link dev.cuprum.logging.LoggingHook} (a start and an exit record per
 * command) and {@link dev.cuprum.logging.StructuredLoggingHook} (one record per event). Both log
 * masked argv and attach their values as SLF4J key-value pairs for structured log formats.
 */
@NullMarked
package dev.cuprum.logging;

import org.jspecify.annotations.NullMarked;
