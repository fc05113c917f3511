/**
 * The code of the users' guide: every snippet of {@code docs/users-guide.md} is a tagged region
 * of a test here, so it compiles, runs, and is compared with the guide by {@link
 * dev.cuprum.docs.DocsSnippetsTest}.
 */
@NullMarked
package dev.cuprum.docs;

import org.jspecify.annotations.NullMarked;
