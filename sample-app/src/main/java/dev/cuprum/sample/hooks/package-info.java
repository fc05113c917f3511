/**
 * Root hooks of the sample's command executor: the starter makes every {@code BeforeHook} and
 * {@code AfterHook} bean a hook of the outermost scope, so these run around every command the
 * application starts, whichever code starts it.
 */
@NullMarked
package dev.cuprum.sample.hooks;

import org.jspecify.annotations.NullMarked;
