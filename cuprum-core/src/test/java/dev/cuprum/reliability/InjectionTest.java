package dev.cuprum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandResult;
import dev.cuprum.Sh;
import dev.cuprum.testing.TestPrograms;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Arguments reach the process verbatim: no shell ever sees them. */
class InjectionTest {

  private static final List<String> HOSTILE = List.of(
      "; rm -rf /", "a && b", "a || b", "$(id)", "`id`", "${HOME}", "$HOME", "'single'", "\"double\"",
      "line1\nline2", "tab\there", "*", "/etc/*", "?", "[a-z]", "~", "~root", "-rf", "--help", "-", "--",
      "> /tmp/x", "< /etc/passwd", "| cat", "&", "#comment", "\\", "a b c", " leading", "trailing ", "");

  @Test
  void shellMetacharactersArriveAsWritten() {
    Object[] argv = new Object[HOSTILE.size() + 1];
    argv[0] = "%s\\0";
    for (int i = 0; i < HOSTILE.size(); i++) {
      argv[i + 1] = HOSTILE.get(i);
    }
    CommandResult result = TestPrograms.executor().run(Sh.make(TestPrograms.PRINTF, TestPrograms.CATALOGUE).args(argv));
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout().split("\0", -1)).containsExactlyElementsOf(withEmptyTail(HOSTILE));
  }

  @Property(tries = 40)
  void anyArgumentArrivesAsWritten(@ForAll("arguments") List<String> arguments) {
    Object[] argv = new Object[arguments.size() + 1];
    argv[0] = "%s\\0";
    for (int i = 0; i < arguments.size(); i++) {
      argv[i + 1] = arguments.get(i);
    }
    CommandResult result = TestPrograms.executor().run(Sh.make(TestPrograms.PRINTF, TestPrograms.CATALOGUE).args(argv));
    assertThat(result.stdout().split("\0", -1)).containsExactlyElementsOf(withEmptyTail(arguments));
  }

  @Provide
  Arbitrary<List<String>> arguments() {
    return Arbitraries.strings().withChars(";&|$`'\"\\*?[]{}()<>~#!- \t\naZé☃%").ofMaxLength(12).list().ofMinSize(1).ofMaxSize(6);
  }

  private static List<String> withEmptyTail(List<String> arguments) {
    List<String> expected = new java.util.ArrayList<>(arguments);
    expected.add("");
    return expected;
  }
}
