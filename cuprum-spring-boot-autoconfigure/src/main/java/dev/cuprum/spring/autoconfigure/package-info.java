/**
 * Spring Boot auto-configuration of Cuprum: properties under {@code cuprum}, the program
 * catalogue, the command executor with its root hooks, its task executor, execution metrics and
 * the failure analysis of bad configuration.
 */
@NullMarked
package dev.cuprum.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
