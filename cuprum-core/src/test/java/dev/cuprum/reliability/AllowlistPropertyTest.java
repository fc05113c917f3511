package dev.cuprum.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.Program;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However scopes are nested, a scope never lets run what an enclosing scope refused. */
class AllowlistPropertyTest {

  private static final List<Program> PROGRAMS =
      List.of(Program.of("a"), Program.of("b"), Program.of("c"), Program.of("d"));

  @Property(tries = 300)
  void nestedScopesNeverWiden(@ForAll("scopes") List<Set<Program>> scopes) {
    Deque<Registration> registrations = new ArrayDeque<>();
    Set<Program> permitted = new HashSet<>(PROGRAMS);
    try {
      for (Set<Program> scope : scopes) {
        registrations.push(Cuprum.scoped(ScopeConfig.builder().allowlist(scope).build()));
        permitted.retainAll(scope);
        for (Program program : PROGRAMS) {
          assertThat(CuprumContext.current().isAllowed(program)).isEqualTo(permitted.contains(program));
        }
      }
    } finally {
      registrations.forEach(Registration::close);
    }
    assertThat(CuprumContext.current()).isSameAs(CuprumContext.root());
  }

  @Provide
  Arbitrary<List<Set<Program>>> scopes() {
    return Arbitraries.of(PROGRAMS).set().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(5);
  }
}
