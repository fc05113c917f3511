package dev.cuprum.internal.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread that waits, through {@code epoll}, for every pipe and process of the native
 * launcher at once: a pipe that became readable or writable, a process that exited. Interest is
 * one-shot: whoever waits arms it again after each event, so the poller never reports a descriptor
 * nobody waits on.
 */
final class Poller {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");
  private static final int MAX_EVENTS = 256;

  private final int epollFd;
  private final AtomicLong keys = new AtomicLong();
  private final Map<Long, Runnable> armed = new ConcurrentHashMap<>();
  private final ThreadFactory virtualThreads = Thread.ofVirtual().name("cuprum-io-v", 1).factory();
  private final Executor ioThreads = task -> virtualThreads.newThread(task).start();

  Poller() throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = Libc.callState(arena);
      epollFd = Libc.epollCreate(state);
      if (epollFd < 0) {
        throw new IOException("epoll_create1: " + Libc.strerror(Libc.errno(state)));
      }
    }
    Thread thread = new Thread(this::loop, "cuprum-poller");
    thread.setDaemon(true);
    thread.start();
  }

  /** Virtual threads, for tasks that wait on this poller's pipes and processes. */
  Executor ioThreads() {
    return ioThreads;
  }

  /** A key for one descriptor's registrations, never reused. */
  long newKey() {
    return keys.incrementAndGet();
  }

  /**
   * Runs {@code action} on the poller thread once {@code fd} has one of {@code events}. The caller
   * keeps the descriptor open until the action ran or {@link #forget} returned.
   *
   * @param added whether the descriptor was armed before (then its registration is modified)
   */
  void arm(int fd, int events, long key, boolean added, Runnable action) throws IOException {
    armed.put(key, action);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment event = arena.allocate(Libc.EPOLL_EVENT_SIZE, 4);
      event.set(ValueLayout.JAVA_INT, 0, events | Libc.EPOLLONESHOT);
      event.set(ValueLayout.JAVA_LONG_UNALIGNED, Libc.EPOLL_EVENT_DATA_OFFSET, key);
      MemorySegment state = Libc.callState(arena);
      if (Libc.epollCtl(state, epollFd, added ? Libc.EPOLL_CTL_MOD : Libc.EPOLL_CTL_ADD, fd, event) < 0) {
        armed.remove(key);
        throw new IOException("epoll_ctl: " + Libc.strerror(Libc.errno(state)));
      }
    }
  }

  /** Stops watching {@code fd}; call before closing it. */
  void forget(int fd, long key) {
    armed.remove(key);
    try (Arena arena = Arena.ofConfined()) {
      Libc.epollCtl(Libc.callState(arena), epollFd, Libc.EPOLL_CTL_DEL, fd, MemorySegment.NULL);
    }
  }

  private void loop() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment events = arena.allocate(Libc.EPOLL_EVENT_SIZE * MAX_EVENTS, 8);
      MemorySegment state = Libc.callState(arena);
      while (true) {
        int count = Libc.epollWait(state, epollFd, events, MAX_EVENTS, -1);
        if (count < 0) {
          if (Libc.errno(state) == Libc.EINTR) {
            continue;
          }
          LOG.error("cuprum.poller_failed error={}; native runs can no longer be served",
              Libc.strerror(Libc.errno(state)));
          return;
        }
        for (int i = 0; i < count; i++) {
          long key = events.get(ValueLayout.JAVA_LONG_UNALIGNED,
              i * Libc.EPOLL_EVENT_SIZE + Libc.EPOLL_EVENT_DATA_OFFSET);
          Runnable action = armed.remove(key);
          if (action != null) {
            run(action);
          }
        }
      }
    }
  }

  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      LOG.error("cuprum.poller_action_failed", e);
    }
  }
}
