/** The sample's own settings ({@code sample.*}) and its tracing export defaults. */
@NullMarked
package dev.cuprum.sample.config;

import org.jspecify.annotations.NullMarked;
