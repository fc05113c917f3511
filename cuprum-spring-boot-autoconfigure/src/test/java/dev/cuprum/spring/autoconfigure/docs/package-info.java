/**
 * The Spring code of the users' guide, compiled and run here and compared with
 * {@code docs/users-guide.md} by the core module's {@code DocsSnippetsTest}; and the checks that
 * keep {@code docs/configuration.md} and {@code docs/observability.md} in step with the code.
 */
@NullMarked
package dev.cuprum.spring.autoconfigure.docs;

import org.jspecify.annotations.NullMarked;
