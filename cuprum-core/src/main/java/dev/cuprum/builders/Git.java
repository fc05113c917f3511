package dev.cuprum.builders;

import dev.cuprum.CommandBuilder;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code git} commands of the default catalogue. Refs are validated by {@link GitRef}, so none can
 * be read as an option, and each command tells git where its options and refs end, so a ref that
 * happens to name a file is never read as a path: {@code checkout REF --} switches to {@code REF}
 * or fails, and never restores a file from the index over uncommitted changes;
 * {@code rev-parse --verify --end-of-options REF} names a commit or fails. Run the commands with
 * a working directory inside the repository (see {@link dev.cuprum.ExecutionContext#cwd()}). They
 * need git 2.30 or newer.
 */
public final class Git {

  private static final CommandBuilder GIT = Sh.make(Programs.GIT);
  /** Ends the refs of a command that could also take paths: nothing before it is a path. */
  private static final String END_OF_REFS = "--";

  private Git() {}

  /** {@code git status}, with {@code --short} and then {@code --branch} when asked for. */
  public static SafeCmd status(boolean shortFormat, boolean branch) {
    return status(shortFormat, branch, false);
  }

  /**
   * {@code git status}, with {@code --short}, then {@code --branch}, then
   * {@code --ignore-submodules=all} when asked for. Ignoring submodules keeps git out of them: it
   * starts no {@code git status} inside each one, whose own configuration the caller has not seen,
   * and neither the repository's configuration nor {@code .gitmodules} can turn that back on.
   */
  public static SafeCmd status(boolean shortFormat, boolean branch, boolean ignoreSubmodules) {
    List<String> argv = new ArrayList<>(4);
    argv.add("status");
    if (shortFormat) {
      argv.add("--short");
    }
    if (branch) {
      argv.add("--branch");
    }
    if (ignoreSubmodules) {
      argv.add("--ignore-submodules=all");
    }
    return GIT.args(argv, Map.of());
  }

  /**
   * {@code git checkout}: {@code checkout REF --}; with {@code createBranch} {@code checkout -b REF --}
   * ({@code -B} with {@code force}, which resets an existing branch); otherwise {@code --detach}
   * and then {@code --force} before the ref when asked for. The closing {@code --} makes git read
   * {@code REF} as a branch or commit only: a ref that names no branch or commit fails (exit 128)
   * even when a file of that name exists, and no file is touched.
   *
   * @param ref the branch to switch to or create, or the commit to detach at
   * @param createBranch create the branch {@code ref} at the current commit
   * @param detach detach {@code HEAD} at {@code ref} instead of switching branch
   * @param force discard local changes that would be overwritten (with {@code createBranch}: reset
   *     the branch if it exists)
   * @throws InvalidArgumentException when both {@code createBranch} and {@code detach} are true,
   *     checked before the ref
   * @throws InvalidGitRefException when {@link GitRef} refuses the ref
   */
  public static SafeCmd checkout(String ref, boolean createBranch, boolean detach, boolean force) {
    if (createBranch && detach) {
      throw new InvalidArgumentException("createBranch and detach cannot both be true");
    }
    GitRef checked = GitRef.of(ref, "ref");
    List<String> argv = new ArrayList<>(5);
    argv.add("checkout");
    if (createBranch) {
      argv.add(force ? "-B" : "-b");
    } else {
      if (detach) {
        argv.add("--detach");
      }
      if (force) {
        argv.add("--force");
      }
    }
    argv.add(checked.value());
    argv.add(END_OF_REFS);
    return GIT.args(argv, Map.of());
  }

  /**
   * {@code git rev-parse --verify --end-of-options REF}: prints the object id the ref names, or
   * fails (exit 128, "Needed a single revision") when it names none, even when a file of that
   * name exists.
   *
   * @throws InvalidGitRefException when {@link GitRef} refuses the ref
   */
  public static SafeCmd revParse(String ref) {
    return GIT.args("rev-parse", "--verify", "--end-of-options", GitRef.of(ref, "ref").value());
  }
}
