/**
 * Ready-made commands for {@code git}, {@code rsync} and {@code tar} whose paths and refs are
 * validated before anything can run.
 *
 * <p>Every builder returns a {@link dev.cuprum.SafeCmd} of the default catalogue (project
 * {@code core-ops}); run it with a {@link dev.cuprum.CommandExecutor}. Paths pass through
 * {@link dev.cuprum.builders.SafePath} and refs through {@link dev.cuprum.builders.GitRef}, so
 * bad input fails with {@link dev.cuprum.builders.InvalidPathException} or
 * {@link dev.cuprum.builders.InvalidGitRefException} while the command is built.
 *
 * <p>No value a builder accepts can start with {@code -}: absolute paths start with {@code /} or
 * a drive letter, relative paths starting with {@code -} are refused
 * ({@link dev.cuprum.builders.PathRejection#LEADING_DASH}) and so are refs starting with
 * {@code -}. A path or ref therefore never reads as an option, and the argv carries no
 * {@code --} separator.
 */
@NullMarked
package dev.cuprum.builders;

import org.jspecify.annotations.NullMarked;
