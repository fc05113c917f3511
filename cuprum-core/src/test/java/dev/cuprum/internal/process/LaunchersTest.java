package dev.cuprum.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.testing.TestPrograms;
import org.junit.jupiter.api.Test;

/** The launcher setting: what each choice gives on this JDK, and that the native test run is native. */
class LaunchersTest {

  @Test
  void jdkIsTheJdksLauncherOnEveryJdk() {
    assertThat(Launchers.choose(LaunchMechanism.JDK).description()).isEqualTo("jdk: ProcessBuilder");
    assertThat(Launchers.choose(LaunchMechanism.JDK)).isSameAs(ProcessLauncher.JDK);
  }

  @Test
  void anUnknownSystemPropertyIsRefusedWithTheChoicesNamed() {
    String before = System.getProperty(LaunchMechanism.PROPERTY);
    System.setProperty(LaunchMechanism.PROPERTY, "posix");
    try {
      assertThatThrownBy(CommandExecutor::builder)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The system property cuprum.launcher must be auto, native or jdk, not 'posix'");
      System.setProperty(LaunchMechanism.PROPERTY, " Jdk ");
      assertThat(CommandExecutor.builder().build().launcher()).isEqualTo("jdk: ProcessBuilder");
    } finally {
      if (before == null) {
        System.clearProperty(LaunchMechanism.PROPERTY);
      } else {
        System.setProperty(LaunchMechanism.PROPERTY, before);
      }
    }
  }

  @Test
  void theBuildersChoiceWinsOverTheSystemProperty() {
    assertThat(CommandExecutor.builder().launchMechanism(LaunchMechanism.JDK).build().launcher())
        .isEqualTo("jdk: ProcessBuilder");
  }

  @Test
  void beforeJdk22BothOtherChoicesFallBackToTheJdkAndSayWhy() {
    assumeTrue(Runtime.version().feature() < 22);
    assertThat(Launchers.choose(LaunchMechanism.NATIVE).description())
        .isEqualTo("jdk: ProcessBuilder (the native launcher needs JDK 22 or later; this is JDK "
            + Runtime.version().feature() + ")");
    assertThat(Launchers.choose(LaunchMechanism.AUTO).description()).startsWith("jdk: ProcessBuilder (the native launcher needs");
  }

  @Test
  void fromJdk22NativeIsPosixSpawn() {
    assumeTrue(Runtime.version().feature() >= 22);
    assertThat(Launchers.choose(LaunchMechanism.NATIVE).description())
        .isEqualTo("native: posix_spawn through the Foreign Function and Memory API, one poller thread");
  }

  @Test
  void autoIsNativeExactlyWhenNativeAccessIsGranted() {
    assumeTrue(Runtime.version().feature() >= 22);
    // The native run of the suite is the one with --enable-native-access.
    if ("native".equals(System.getProperty("cuprum.test.launcher"))) {
      assertThat(Launchers.choose(LaunchMechanism.AUTO)).isSameAs(Launchers.choose(LaunchMechanism.NATIVE));
    } else {
      assertThat(Launchers.choose(LaunchMechanism.AUTO).description())
          .isEqualTo("jdk: ProcessBuilder (native access is not enabled for Cuprum (--enable-native-access))");
    }
  }

  /** The build's second run of the suite is meant to be native: this fails if it silently is not. */
  @Test
  void theSuitesNativeRunStartsEveryProcessNatively() {
    assumeTrue("native".equals(System.getProperty("cuprum.test.launcher")));
    CommandExecutor executor = TestPrograms.executor();
    assertThat(executor.launcher()).startsWith("native: posix_spawn");
    assertThat(executor.run(TestPrograms.sh("echo $$")).stdout()).isNotBlank();
  }
}
