/**
 * The implementation behind {@link dev.cuprum.CommandExecutor}; not part of the API. The module
 * descriptor exports none of the {@code dev.cuprum.internal} packages, and nothing outside
 * {@code cuprum-core} may use them.
 *
 * <p>Layers, each using only those below it: this package (the executor and its builder);
 * {@code pipeline} and {@code batch} (runs of several commands); {@code run} (one command: scope,
 * cancellation, timeouts); {@code process} (spawning, pumping, termination) and {@code events}
 * (event delivery and masking); {@code observation}; {@code util} (JDK-only helpers, which the
 * API packages may use too).
 */
@NullMarked
package dev.cuprum.internal;

import org.jspecify.annotations.NullMarked;
