package dev.cuprum.internal.process;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads that pump process streams. Pooled because every captured run needs two
 * of them and starting threads costs more than the spawn of a short command; idle threads end
 * after {@value #KEEP_ALIVE_SECONDS} seconds.
 */
public final class IoThreads {

  static final int KEEP_ALIVE_SECONDS = 5;

  private static final AtomicInteger BUSY = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(
      0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), new Factory());

  private IoThreads() {}

  /** Runs a pumping task on a pool thread. */
  public static void start(Runnable task) {
    BUSY.incrementAndGet();
    try {
      POOL.execute(() -> {
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
