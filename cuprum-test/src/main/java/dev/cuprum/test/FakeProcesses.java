package dev.cuprum.test;

import dev.cuprum.CommandExecutor;
import dev.cuprum.internal.DefaultCommandExecutor;

/** The expectations and launcher of a fake whose executor an application's configuration builds. */
final class FakeProcesses {

  private final Expectations expectations = new Expectations();
  private final FakeLauncher launcher = new FakeLauncher(expectations);

  /** Makes the executor built from {@code builder} start fake processes. */
  void install(CommandExecutor.Builder builder) {
    DefaultCommandExecutor.useLauncher(builder, launcher);
    builder.pinPrograms(false);
  }

  /** The fake around an executor built from a builder given to {@link #install}. */
  FakeCommandExecutor around(CommandExecutor executor) {
    return FakeCommandExecutor.around(executor, launcher, expectations);
  }
}
