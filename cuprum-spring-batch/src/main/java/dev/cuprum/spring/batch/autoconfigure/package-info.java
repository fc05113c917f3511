/** Auto-configuration of Cuprum's Spring Batch support. */
@NullMarked
package dev.cuprum.spring.batch.autoconfigure;

import org.jspecify.annotations.NullMarked;
