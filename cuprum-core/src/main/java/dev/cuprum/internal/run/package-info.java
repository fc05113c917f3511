/**
 * One run of one command: the scope in force, the resolved context, cancellation and timeouts,
 * async submission, and the registry of running processes.
 */
@NullMarked
package dev.cuprum.internal.run;

import org.jspecify.annotations.NullMarked;
