/** Tests of the sample's configuration support. */
@NullMarked
package dev.cuprum.sample.config;

import org.jspecify.annotations.NullMarked;
