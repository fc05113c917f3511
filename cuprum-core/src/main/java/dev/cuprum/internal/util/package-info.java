/**
 * Helpers that depend on the JDK only, so that the API packages may use them without a cycle:
 * environment names and values, masking, durations in seconds.
 */
@NullMarked
package dev.cuprum.internal.util;

import org.jspecify.annotations.NullMarked;
