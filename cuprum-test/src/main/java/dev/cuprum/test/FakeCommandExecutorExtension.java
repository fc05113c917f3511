package dev.cuprum.test;

import dev.cuprum.ProgramCatalogue;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link FakeCommandExecutor}, as a parameter of the test method (or of a
 * {@code @BeforeEach} method, which gets the same one), and calls
 * {@link FakeCommandExecutor#verify()} after the test, so an expectation never met fails it.
 *
 * <pre>{@code
 * @ExtendWith(FakeCommandExecutorExtension.class)           // the default catalogue
 * class ReleaseNotesTest {
 *   @Test
 *   void listsTheTags(FakeCommandExecutor executor) { ... }
 * }
 *
 * class ThumbnailsTest {
 *   @RegisterExtension                                    // the application's catalogue
 *   static FakeCommandExecutorExtension fakes = new FakeCommandExecutorExtension(CATALOGUE);
 * }
 * }</pre>
 */
public final class FakeCommandExecutorExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeCommandExecutorExtension.class);

  private final ProgramCatalogue catalogue;

  /** Fakes for the default catalogue. */
  public FakeCommandExecutorExtension() {
    this(ProgramCatalogue.defaults());
  }

  /** Fakes that allow the catalogue's programs. */
  public FakeCommandExecutorExtension(ProgramCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeCommandExecutor.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fake(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakeCommandExecutor executor = context.getStore(NAMESPACE).get(FakeCommandExecutor.class, FakeCommandExecutor.class);
    if (executor != null) {
      try {
        if (context.getExecutionException().isEmpty()) {
          executor.verify();
        }
      } finally {
        executor.close();
      }
    }
  }

  private FakeCommandExecutor fake(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(FakeCommandExecutor.class,
        type -> FakeCommandExecutor.create(catalogue), FakeCommandExecutor.class);
  }
}
