/**
 * A Spring Boot service that runs {@code echo} and {@code git} through the Cuprum starter: an
 * HTTP API over the auto-configured {@link dev.cuprum.CommandExecutor}, with metrics, traces and
 * an audit trail of every command.
 */
@NullMarked
package dev.cuprum.sample;

import org.jspecify.annotations.NullMarked;
