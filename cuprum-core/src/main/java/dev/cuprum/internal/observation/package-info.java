/** The parent observations of pipelines and batches. */
@NullMarked
package dev.cuprum.internal.observation;

import org.jspecify.annotations.NullMarked;
