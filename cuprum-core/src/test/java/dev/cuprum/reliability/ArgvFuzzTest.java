package dev.cuprum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Sh;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Building argv from arbitrary input either succeeds or fails with a documented exception. */
class ArgvFuzzTest {

  @Property(tries = 500)
  void buildArgvFailsOnlyAsDocumented(@ForAll("arguments") List<Object> positional, @ForAll("options") Map<String, Object> options) {
    List<String> argv;
    try {
      argv = Sh.buildArgv(positional, options);
    } catch (NullPointerException | InvalidArgumentException expected) {
      return;
    }
    assertThat(argv).hasSize(positional.size() + options.size()).allSatisfy(arg -> assertThat(arg).doesNotContain("\0"));
    assertThat(argv.subList(positional.size(), argv.size())).allSatisfy(option -> assertThat(option).startsWith("--"));
  }

  @Provide
  Arbitrary<List<Object>> arguments() {
    Arbitrary<Object> strings = Arbitraries.strings().withChars("ab -=\0é\n").ofMaxLength(6).map(Object.class::cast);
    Arbitrary<Object> numbers = Arbitraries.integers().map(Object.class::cast);
    Arbitrary<Object> paths = Arbitraries.strings().alpha().ofMaxLength(5).map(s -> (Object) Path.of("/tmp", s));
    Arbitrary<Object> secrets = Arbitraries.strings().withChars("ab\0").ofMaxLength(4).map(s -> (Object) Sh.secret(s));
    Arbitrary<Object> containers = Arbitraries.of(List.of("x"), new String[] {"y"}, Map.of("k", "v"));
    Arbitrary<Object> nulls = Arbitraries.just(null);
    return Arbitraries.frequencyOf(
            Tuple.of(10, strings), Tuple.of(3, numbers), Tuple.of(2, paths),
            Tuple.of(2, secrets), Tuple.of(1, containers), Tuple.of(1, nulls))
        .list().ofMaxSize(6).map(ArrayList::new);
  }

  @Provide
  Arbitrary<Map<String, Object>> options() {
    return Arbitraries.maps(Arbitraries.strings().withChars("ab_ \0").ofMaxLength(4), arguments().map(list -> list.isEmpty() ? "v" : list.get(0)))
        .ofMaxSize(3).map(LinkedHashMap::new);
  }
}
