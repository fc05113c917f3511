/**
 * Processes and their streams: argv and environment for the operating system, spawning, stdin
 * feeding, output pumping (capture, echo, line splitting) and termination of process trees.
 *
 * <p>Output streams and stdin are pumped on platform threads of a shared daemon pool
 * ({@code cuprum-io-N}), because a blocking pipe read would pin a virtual thread's carrier anyway.
 */
@NullMarked
package dev.cuprum.internal.process;

import org.jspecify.annotations.NullMarked;
