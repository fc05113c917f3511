package dev.cuprum.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task executor of executors built without one: a JVM-wide pool of
 * {@code max(8, 4 × available processors)} daemon threads named {@code cuprum-exec-N} with an
 * unbounded queue. Its threads mostly wait for processes, hence more threads than cores; idle
 * ones end after 30 seconds.
 */
final class DefaultTaskExecutor {

  static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  private static final ThreadPoolExecutor POOL = create();

  private DefaultTaskExecutor() {}

  static Executor get() {
    return POOL;
  }

  private static ThreadPoolExecutor create() {
    AtomicInteger sequence = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "cuprum-exec-" + sequence.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
