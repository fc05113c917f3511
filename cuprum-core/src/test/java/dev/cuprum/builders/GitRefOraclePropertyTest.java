package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Checks {@link GitRef} against git itself: {@code git check-ref-format --allow-onelevel}. */
@AddLifecycleHook(GitRefOraclePropertyTest.SkipWithoutGit.class)
class GitRefOraclePropertyTest {

  private static final CommandExecutor EXECUTOR = CommandExecutor.create();

  @Property(tries = 100)
  void gitAcceptsEveryRefGitRefAccepts(@ForAll("acceptedRefs") String ref) {
    assertThat(gitAccepts(ref)).as("git check-ref-format --allow-onelevel %s", ref).isTrue();
  }

  /**
   * Over the characters {@link GitRef} allows, it refuses only what git refuses, apart from refs
   * starting with {@code -}, which git would read as an option.
   */
  @Property(tries = 150)
  void overItsOwnCharactersGitRefAgreesWithGit(@ForAll("refsOfSupportedCharacters") String ref) {
    assertThat(GitRef.classify(ref) == null)
        .as("GitRef accepts %s, as git does", ref)
        .isEqualTo(gitAccepts(ref));
  }

  @Provide
  Arbitrary<String> acceptedRefs() {
    Arbitrary<String> component = Arbitraries.strings().withChars("abcXYZ019_-.").ofMinLength(1).ofMaxLength(8);
    return component.list().ofMinSize(1).ofMaxSize(4)
        .map(components -> String.join("/", components))
        .filter(ref -> GitRef.classify(ref) == null);
  }

  @Provide
  Arbitrary<String> refsOfSupportedCharacters() {
    return Arbitraries.strings().withChars("aZ0_-./").ofMinLength(1).ofMaxLength(12)
        .filter(ref -> !ref.startsWith("-"));
  }

  private static boolean gitAccepts(String ref) {
    CommandResult result = EXECUTOR.run(Sh.make(Programs.GIT).args("check-ref-format", "--allow-onelevel", ref));
    assertThat(result.exitCode()).as("git check-ref-format exit code").isIn(0, 1);
    return result.ok();
  }

  /** Skips the properties on a machine without git. */
  static final class SkipWithoutGit implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return InstalledPrograms.has("git") ? SkipResult.doNotSkip() : SkipResult.skip("git is not installed");
    }
  }
}
