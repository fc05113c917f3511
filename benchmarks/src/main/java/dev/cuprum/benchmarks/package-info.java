@NullMarked
package dev.cuprum.benchmarks;

import org.jspecify.annotations.NullMarked;
