/** Runs of pipelines: stages linked by kernel pipes, one timeout, fail-fast between stages. */
@NullMarked
package dev.cuprum.internal.pipeline;

import org.jspecify.annotations.NullMarked;
