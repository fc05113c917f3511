/**
 * Concurrent batches: many commands in one call, bounded, in submission order, with fail-fast,
 * a whole-batch timeout, retries and progress listeners. Run them with
 * {@link dev.cuprum.CommandExecutor#runConcurrent(java.util.List, ConcurrentConfig)}.
 */
@NullMarked
package dev.cuprum.concurrent;

import org.jspecify.annotations.NullMarked;
