package dev.cuprum.internal.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits that an interrupt cannot cut short; the interrupt is restored afterwards. */
public final class Waits {

  private Waits() {}

  /**
   * Waits for the latch until the deadline.
   *
   * @param deadline a {@link System#nanoTime()} value
   * @return whether the latch opened
   */
  public static boolean await(CountDownLatch latch, long deadline) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits for the process to exit. */
  public static int waitFor(Process process) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return process.waitFor();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
