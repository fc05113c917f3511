package dev.cuprum.internal.process;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that pump process streams. The JDK's streams block in the operating system, so they
 * are pumped on pooled platform threads: every captured run needs two of them and starting
 * threads costs more than the spawn of a short command; idle threads end after
 * {@value #KEEP_ALIVE_SECONDS} seconds. Streams of the native launcher park instead ({@link
 * ParkingIo}) and are pumped on the threads they name.
 */
public final class IoThreads {

  static final int KEEP_ALIVE_SECONDS = 5;

  private static final AtomicInteger BUSY = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(
      0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), new Factory());

  private IoThreads() {}

  /** Runs a task on a pool thread. */
  public static void start(Runnable task) {
    start(POOL, task);
  }

  /** Runs a task that waits on {@code io}, a stream or process, on a thread fit to wait on it. */
  public static void start(Object io, Runnable task) {
    start(io instanceof ParkingIo parking ? parking.ioThreads() : POOL, task);
  }

  private static void start(Executor threads, Runnable task) {
    BUSY.incrementAndGet();
    try {
      threads.execute(() -> {
        try {
          task.run();
        } finally {
          BUSY.decrementAndGet();
        }
      });
    } catch (RuntimeException | Error e) {
      BUSY.decrementAndGet();
      throw e;
    }
  }

  /** How many pumping tasks are running now: zero once every run has returned and drained. */
  public static int busy() {
    return BUSY.get();
  }

  private static final class Factory implements ThreadFactory {

    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "cuprum-io-" + sequence.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
