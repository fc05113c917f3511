package dev.cuprum;

/**
 * How an executor starts its processes (see the users' guide, "Which launcher starts your
 * processes"). Both mechanisms give a process the same argv, environment, working directory,
 * redirects and descriptors, and every guarantee of Cuprum holds on both.
 */
public enum LaunchMechanism {

  /**
   * {@link #NATIVE} when the JVM can use it and grants Cuprum native access
   * ({@code --enable-native-access}), {@link #JDK} otherwise. The default, unless the
   * {@value #PROPERTY} system property names another.
   */
  AUTO,

  /**
   * {@code posix_spawn} through the Foreign Function and Memory API, one exec per command, pipes
   * served by one poller thread and pumps on virtual threads: JDK 22 or later on Linux (x86-64 or
   * AArch64, glibc 2.34, Linux 5.3). Where it cannot run, the JDK's launcher is used and a warning
   * logged.
   */
  NATIVE,

  /** The JDK's {@link ProcessBuilder}. */
  JDK;

  /** The system property that sets the mechanism of executors whose builder sets none: auto, native or jdk. */
  public static final String PROPERTY = "cuprum.launcher";
}
