/**
 * Commands as Spring Batch steps, through the application's {@link dev.cuprum.CommandExecutor}:
 * {@link dev.cuprum.spring.batch.CommandTasklet} runs one command as a step,
 * {@link dev.cuprum.spring.batch.CommandItemProcessor} and
 * {@link dev.cuprum.spring.batch.CommandItemWriter} one command per item of a chunk step, and
 * {@link dev.cuprum.spring.batch.CommandPartitioner} makes one partition per command, so that a
 * batch of commands runs as a partitioned step on one machine or across worker JVMs.
 * {@link dev.cuprum.spring.batch.CommandSteps} builds the usual steps.
 */
@NullMarked
package dev.cuprum.spring.batch;

import org.jspecify.annotations.NullMarked;
