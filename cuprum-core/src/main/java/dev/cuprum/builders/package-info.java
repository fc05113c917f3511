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
 * <p>No value a builder accepts can start with {@code -} or be read as a remote location:
 * absolute paths start with {@code /}; relative paths starting with {@code -}
 * ({@link dev.cuprum.builders.PathRejection#LEADING_DASH}), paths with a {@code :} before their
 * first {@code /} ({@link dev.cuprum.builders.PathRejection#REMOTE_LOCATION}), Windows drive forms
 * ({@link dev.cuprum.builders.PathRejection#DRIVE_LETTER}) and refs starting with {@code -} are
 * refused. The builders also separate their operands the way each program provides: git gets
 * {@code --} after a checkout's ref and {@code --verify --end-of-options} before a revision, so a
 * ref is never read as a path; tar gets {@code --force-local}, so an archive is never remote.
 */
@NullMarked
package dev.cuprum.builders;

import org.jspecify.annotations.NullMarked;
