/** The Spring Batch examples of the users' guide, compiled and run. */
@NullMarked
package dev.cuprum.spring.batch.docs;

import org.jspecify.annotations.NullMarked;
