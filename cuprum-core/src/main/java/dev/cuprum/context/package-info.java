/**
 * Scoped contexts: which programs may run on the current thread, and the hooks that run around
 * each command. Enter a scope with {@link dev.cuprum.context.Cuprum}; leave it by closing the
 * returned {@link dev.cuprum.context.Registration}.
 */
@NullMarked
package dev.cuprum.context;

import org.jspecify.annotations.NullMarked;
