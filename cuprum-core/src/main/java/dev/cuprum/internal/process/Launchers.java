package dev.cuprum.internal.process;

import dev.cuprum.LaunchMechanism;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher of each {@link LaunchMechanism}. {@code AUTO} checks for native access first and
 * touches no native code without it, so a JVM that did not grant it never prints the JDK's
 * warning about restricted methods.
 *
 * <p>The native launcher lives in the Java 22 layer of the multi-release JAR: on older JDKs its
 * class is not there.
 */
public final class Launchers {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");
  private static final String NATIVE_CLASS = "dev.cuprum.internal.process.NativeLauncher";

  private Launchers() {}

  /**
   * The launcher the {@value LaunchMechanism#PROPERTY} system property names; {@code auto} when it
   * is not set.
   *
   * @throws IllegalArgumentException when it names none
   */
  public static ProcessLauncher fromSystemProperty() {
    String choice = System.getProperty(LaunchMechanism.PROPERTY, "auto");
    try {
      return choose(LaunchMechanism.valueOf(choice.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The system property " + LaunchMechanism.PROPERTY + " must be auto, native or jdk, not '" + choice + "'");
    }
  }

  /** The launcher of a mechanism. */
  public static ProcessLauncher choose(LaunchMechanism mechanism) {
    return switch (mechanism) {
      case JDK -> ProcessLauncher.JDK;
      case AUTO -> NativeClass.TYPE != null && !NativeClass.ACCESS_GRANTED
          ? ProcessLauncher.jdk("native access is not enabled for Cuprum (--enable-native-access)")
          : nativeOrJdk();
      case NATIVE -> {
        if (NativeInstance.LAUNCHER == null) {
          LOG.warn("cuprum.launcher_unavailable launcher=native reason=\"{}\"; processes start through the JDK",
              NativeInstance.FAILURE);
        }
        yield nativeOrJdk();
      }
    };
  }

  private static ProcessLauncher nativeOrJdk() {
    ProcessLauncher launcher = NativeInstance.LAUNCHER;
    return launcher != null ? launcher : ProcessLauncher.jdk(String.valueOf(NativeInstance.FAILURE));
  }

  /** The native launcher's class, when this JDK reads the Java 22 layer; loading it calls no native code. */
  private static final class NativeClass {

    static final @Nullable Class<?> TYPE;
    static final boolean ACCESS_GRANTED;

    static {
      Class<?> type;
      boolean granted;
      try {
        type = Class.forName(NATIVE_CLASS);
        granted = (boolean) type.getDeclaredMethod("nativeAccessEnabled").invoke(null);
      } catch (ReflectiveOperationException | LinkageError e) {
        type = null;
        granted = false;
      }
      TYPE = type;
      ACCESS_GRANTED = granted;
    }
  }

  /** The native launcher, created once per JVM on first use: it owns the poller thread. */
  private static final class NativeInstance {

    static final @Nullable ProcessLauncher LAUNCHER;
    static final @Nullable String FAILURE;

    static {
      ProcessLauncher launcher = null;
      String failure = null;
      Class<?> type = NativeClass.TYPE;
      if (type == null) {
        failure = "the native launcher needs JDK 22 or later; this is JDK " + Runtime.version().feature();
      } else {
        try {
          launcher = (ProcessLauncher) type.getDeclaredMethod("create").invoke(null);
        } catch (InvocationTargetException e) {
          failure = String.valueOf(e.getCause().getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
          failure = "the native launcher could not be loaded: " + e;
        }
      }
      LAUNCHER = launcher;
      FAILURE = failure;
    }
  }
}
