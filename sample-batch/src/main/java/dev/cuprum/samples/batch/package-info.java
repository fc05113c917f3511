/**
 * A batch of commands as a Spring Batch job: compress every file of a directory, one {@code gzip}
 * per file, each a partition of its own. Profile {@code local} (the default) runs the partitions on
 * this machine with an embedded job repository; profiles {@code manager} and {@code worker} split
 * the same job across JVMs that share a PostgreSQL database, which holds both the job repository
 * and the channel the partition requests travel through.
 */
@NullMarked
package dev.cuprum.samples.batch;

import org.jspecify.annotations.NullMarked;
