package dev.cuprum.micrometer;

/** How an execution ended, as the {@code cuprum.outcome} key reports it. */
public enum ExecOutcome {
  /** Exited with status 0. */
  SUCCESS,
  /** Exited with a non-zero status. */
  FAILURE,
  /** Ended by Cuprum because its timeout elapsed. */
  TIMEOUT,
  /** Ended by Cuprum because it was cancelled, or another command failed first. */
  CANCELLED,
  /** Exited, but Cuprum could not complete the run: a hook failed or the output could not be read. */
  ERROR,
  /** Never started: the allowlist refused the program. */
  REFUSED,
  /** Still running. */
  UNKNOWN
}
