/** Turns the JSON results of a benchmark run into {@code docs/benchmarks.md}. */
@NullMarked
package dev.cuprum.benchmarks.report;

import org.jspecify.annotations.NullMarked;
