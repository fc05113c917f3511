/** Concurrent batches: bounded workers, fail-fast, batch timeout, retries and listeners. */
@NullMarked
package dev.cuprum.internal.batch;

import org.jspecify.annotations.NullMarked;
