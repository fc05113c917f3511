/**
 * The implementation of {@link dev.cuprum.CommandExecutor}. Not part of the public API: types
 * here are public only so that the pipeline and batch runners can share them.
 *
 * <p>Threads: the caller's thread (or a task-executor thread, for async runs) spawns the process
 * and waits for it; output streams and stdin are pumped on platform threads of a shared daemon
 * pool ({@code cuprum-io-N}) with 64 KiB buffers, because a blocking pipe read would pin a
 * virtual thread's carrier anyway.
 */
@NullMarked
package dev.cuprum.runtime;

import org.jspecify.annotations.NullMarked;
