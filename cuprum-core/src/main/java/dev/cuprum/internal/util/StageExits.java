package dev.cuprum.internal.util;

/** Which exit statuses make a pipeline fail. */
public final class StageExits {

  /** What a process killed by SIGPIPE reports: 128 + 13. */
  public static final int BROKEN_PIPE = 141;

  private StageExits() {}

  /**
   * Whether a stage's exit status makes a pipeline of {@code stageCount} stages fail. As in a
   * shell, a stage other than the last that died of SIGPIPE because its reader finished first has
   * not failed.
   */
  public static boolean isFailure(int stageIndex, int stageCount, int exitCode) {
    return exitCode != 0 && !(stageIndex < stageCount - 1 && exitCode == BROKEN_PIPE);
  }
}
