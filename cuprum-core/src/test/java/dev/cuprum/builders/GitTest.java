package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import org.junit.jupiter.api.Test;

class GitTest {

  @Test
  void statusAddsShortThenBranch() {
    assertThat(Git.status(false, false).argv()).containsExactly("status");
    assertThat(Git.status(true, false).argv()).containsExactly("status", "--short");
    assertThat(Git.status(false, true).argv()).containsExactly("status", "--branch");
    assertThat(Git.status(true, true).argv()).containsExactly("status", "--short", "--branch");
    assertThat(Git.status(true, true, false)).isEqualTo(Git.status(true, true));
    assertThat(Git.status(false, false, true).argv()).containsExactly("status", "--ignore-submodules=all");
    assertThat(Git.status(true, true, true).argv())
        .containsExactly("status", "--short", "--branch", "--ignore-submodules=all");
  }

  @Test
  void commandsBelongToTheDefaultCatalogue() {
    SafeCmd cmd = Git.checkout("main", false, false, false);
    assertThat(cmd.program()).isEqualTo(Programs.GIT);
    assertThat(cmd.project().name()).isEqualTo(ProgramCatalogue.CORE_OPS_PROJECT);
    assertThat(cmd.argvWithProgram()).containsExactly("git", "checkout", "main", "--");
  }

  @Test
  void checkoutVariants() {
    assertThat(Git.checkout("main", false, false, false).argv()).containsExactly("checkout", "main", "--");
    assertThat(Git.checkout("topic", true, false, false).argv()).containsExactly("checkout", "-b", "topic", "--");
    assertThat(Git.checkout("topic", true, false, true).argv()).containsExactly("checkout", "-B", "topic", "--");
    assertThat(Git.checkout("v1.0", false, true, false).argv()).containsExactly("checkout", "--detach", "v1.0", "--");
    assertThat(Git.checkout("main", false, false, true).argv()).containsExactly("checkout", "--force", "main", "--");
    assertThat(Git.checkout("v1.0", false, true, true).argv())
        .containsExactly("checkout", "--detach", "--force", "v1.0", "--");
  }

  @Test
  void createBranchAndDetachConflictBeforeTheRefIsChecked() {
    assertThatThrownBy(() -> Git.checkout("bad ref", true, true, false))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage("createBranch and detach cannot both be true");
  }

  @Test
  void checkoutValidatesTheRef() {
    assertThatThrownBy(() -> Git.checkout("bad ref", false, false, false))
        .isInstanceOfSatisfying(InvalidGitRefException.class,
            e -> assertThat(e.rejection()).isEqualTo(GitRefRejection.WHITESPACE))
        .hasMessage("GitRef cannot contain whitespace: ref = 'bad ref'");
    assertThatThrownBy(() -> Git.checkout("-f", true, false, false))
        .isInstanceOfSatisfying(InvalidGitRefException.class,
            e -> assertThat(e.rejection()).isEqualTo(GitRefRejection.LEADING_DASH));
    assertThatThrownBy(() -> Git.checkout(null, false, false, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ref");
  }

  @Test
  void revParseValidatesTheRef() {
    assertThat(Git.revParse("HEAD").argvWithProgram())
        .containsExactly("git", "rev-parse", "--verify", "--end-of-options", "HEAD");
    assertThat(Git.revParse("refs/heads/main").argv())
        .containsExactly("rev-parse", "--verify", "--end-of-options", "refs/heads/main");
    assertThatThrownBy(() -> Git.revParse("HEAD~1"))
        .isInstanceOfSatisfying(InvalidGitRefException.class,
            e -> assertThat(e.rejection()).isEqualTo(GitRefRejection.UNSUPPORTED_CHARS));
    assertThatThrownBy(() -> Git.revParse(null)).isInstanceOf(NullPointerException.class).hasMessage("ref");
  }
}
