/**
 * Processes and their streams: argv and environment for the operating system, spawning, stdin
 * feeding, output pumping (capture, echo, line splitting) and termination of process trees.
 *
 * <p>Processes are started by a {@link dev.cuprum.internal.process.ProcessLauncher}, chosen by
 * {@link dev.cuprum.internal.process.Launchers}: the JDK's {@link java.lang.ProcessBuilder}, or on
 * JDK 22 and later {@code posix_spawn} through the Foreign Function and Memory API (classes of
 * the multi-release JAR's Java 22 layer). The JDK's streams are pumped on platform threads of a
 * shared daemon pool ({@code cuprum-io-N}), because a blocking pipe read would pin a virtual
 * thread's carrier anyway; the native launcher's streams are non-blocking, served by one poller
 * thread, and pumped on virtual threads.
 */
@NullMarked
package dev.cuprum.internal.process;

import org.jspecify.annotations.NullMarked;
