/**
 * Structured execution events: what every integration (logging, metrics, tracing, audit) is
 * built on. Register an {@link dev.cuprum.context.ExecHook} to receive them.
 */
@NullMarked
package dev.cuprum.events;

import org.jspecify.annotations.NullMarked;
