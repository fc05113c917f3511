package dev.cuprum.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * After each test method whose application context has a {@link FakeCommandExecutor}, verifies
 * it (unless the test failed already) and forgets its expectations and calls, so that the next
 * test, which shares the cached context, starts afresh.
 */
public final class FakeCommandExecutorTestExecutionListener extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE - 100;
  }

  @Override
  public void afterTestMethod(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    ApplicationContext context = testContext.getApplicationContext();
    for (FakeCommandExecutor fake : context.getBeansOfType(FakeCommandExecutor.class).values()) {
      try {
        if (testContext.getTestException() == null) {
          fake.verify();
        }
      } finally {
        fake.reset();
      }
    }
  }
}
