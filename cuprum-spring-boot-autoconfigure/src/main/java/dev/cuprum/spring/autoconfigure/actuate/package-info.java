/**
 * Actuator support for Cuprum: the {@code cuprum} endpoint, health indicator and info
 * contributor, and their auto-configuration.
 */
@NullMarked
package dev.cuprum.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
