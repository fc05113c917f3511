package dev.cuprum.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link FakeCommandExecutor} for the default catalogue, as a parameter of
 * the test method (or of a {@code @BeforeEach} method, which gets the same one), and calls
 * {@link FakeCommandExecutor#verify()} after the test, so an expectation never met fails it.
 *
 * <pre>{@code
 * @ExtendWith(FakeCommandExecutorExtension.class)
 * class ReleaseNotesTest {
 *   @Test
 *   void listsTheTags(FakeCommandExecutor executor) { ... }
 * }
 * }</pre>
 */
public final class FakeCommandExecutorExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeCommandExecutorExtension.class);

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

  private static FakeCommandExecutor fake(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(FakeCommandExecutor.class,
        type -> FakeCommandExecutor.create(), FakeCommandExecutor.class);
  }
}
