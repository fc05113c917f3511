package dev.cuprum.internal.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts the processes of runs and ends their trees. Runs configure a {@link ProcessBuilder}
 * (argv, working directory, environment, redirects) and hand it here; {@link #JDK} starts it
 * with the JDK. Another launcher may start the same configuration another way, such as a test
 * double that starts no process at all.
 */
public interface ProcessLauncher {

  /** The JDK's {@link ProcessBuilder}, and {@link ProcessTree} to end process trees. */
  ProcessLauncher JDK = jdk(null);

  /**
   * The JDK's launcher.
   *
   * @param whyNotNative why the native launcher is not used, for {@link #description()}, or null
   *     when the JDK's launcher was chosen
   */
  static ProcessLauncher jdk(@Nullable String whyNotNative) {
    String description = whyNotNative == null ? "jdk: ProcessBuilder" : "jdk: ProcessBuilder (" + whyNotNative + ")";
    return new ProcessLauncher() {
      @Override
      public Process start(ProcessBuilder builder) throws IOException {
        return builder.start();
      }

      @Override
      public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        return ProcessBuilder.startPipeline(builders);
      }

      @Override
      public void terminate(List<Process> roots, Duration grace) {
        ProcessTree.terminate(roots, grace);
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }

  /** Which launcher this is and, for the JDK's, why the native one is not used: for logs and the actuator. */
  String description();

  /**
   * Starts one process as the builder describes it.
   *
   * @throws IOException when the operating system cannot start it
   */
  Process start(ProcessBuilder builder) throws IOException;

  /**
   * Starts the stages of a pipeline, each one's stdout connected to the next one's stdin, as
   * {@link ProcessBuilder#startPipeline(List)} does. When one cannot start, none is left running.
   *
   * @throws IOException when the operating system cannot start a stage
   */
  List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException;

  /**
   * Ends the given processes and their descendants: SIGTERM, at most {@code grace}, then SIGKILL
   * (see {@link ProcessTree}). Returns once they have ended, whatever interrupts the thread.
   */
  void terminate(List<Process> roots, Duration grace);
}
