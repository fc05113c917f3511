/**
 * The public API of Cuprum: the catalogue of allowlisted programs, typed commands and the
 * {@link dev.cuprum.CommandExecutor} that runs them.
 *
 * <p>Everything here is immutable and thread-safe unless stated otherwise. The
 * implementation lives under {@code dev.cuprum.internal}, which the module does not export and
 * which is not part of the API.
 */
@NullMarked
package dev.cuprum;

import org.jspecify.annotations.NullMarked;
