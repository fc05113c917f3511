/**
 * The implementation of pipeline runs. Not part of the public API.
 *
 * <p>Stages are started with {@link java.lang.ProcessBuilder#startPipeline(java.util.List)}, so
 * the bytes between them flow through kernel pipes and never through the JVM. Cuprum reads only
 * the final stage's stdout and every stage's stderr.
 */
@NullMarked
package dev.cuprum.pipeline;

import org.jspecify.annotations.NullMarked;
