/** Tests of the sample service over real HTTP. */
@NullMarked
package dev.cuprum.sample;

import org.jspecify.annotations.NullMarked;
