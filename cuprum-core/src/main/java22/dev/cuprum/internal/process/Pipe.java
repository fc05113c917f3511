package dev.cuprum.internal.process;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The JVM's end of one non-blocking pipe to a child. A read or write that would block parks the
 * calling thread until the {@link Poller} sees the pipe ready, so a virtual thread waiting here
 * holds no platform thread. Waits are not interruptible, as those of the JDK's process streams are
 * not; the interrupt status is kept.
 *
 * <p>Every use of the descriptor number, including its close, happens under one lock: a number is
 * reused by the next pipe as soon as it is closed, and a late read must never reach another
 * process's pipe. One thread at a time reads (or writes) a pipe, as a process stream's pump does;
 * any thread may close it.
 */
final class Pipe {

  private final Poller poller;
  private final long key;
  private final ReentrantLock lock = new ReentrantLock();
  /** Where {@code errno} is captured; used under the lock only. */
  private final MemorySegment callState = Libc.callState(Arena.ofAuto());
  /** The descriptor, -1 once closed; guarded by the lock, as is {@code added}. */
  private int fd;
  /** Whether the poller has this descriptor registered, so arming modifies instead of adding. */
  private boolean added;
  private volatile boolean closed;
  private volatile boolean ready;
  private volatile @Nullable Thread waiter;

  Pipe(Poller poller, int fd) {
    this.poller = poller;
    this.fd = fd;
    this.key = poller.newKey();
  }

  Executor ioThreads() {
    return poller.ioThreads();
  }

  /** Reads at least one byte, waiting for it; -1 at the end of the stream. */
  int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    boolean interrupted = false;
    try {
      while (true) {
        long read;
        int errno;
        lock.lock();
        try {
          ensureOpen();
          read = Libc.read(callState, fd, MemorySegment.ofArray(buffer).asSlice(offset, length), length);
          errno = read < 0 ? Libc.errno(callState) : 0;
        } finally {
          lock.unlock();
        }
        if (read >= 0) {
          return read == 0 ? -1 : (int) read;
        }
        if (errno != Libc.EAGAIN && errno != Libc.EINTR) {
          throw new IOException(Libc.strerror(errno));
        }
        interrupted |= await(Libc.EPOLLIN);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes every byte, waiting while the pipe is full. */
  void write(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    boolean interrupted = false;
    try {
      while (length > 0) {
        long written;
        int errno;
        lock.lock();
        try {
          ensureOpen();
          written = Libc.write(callState, fd, MemorySegment.ofArray(buffer).asSlice(offset, length), length);
          errno = written < 0 ? Libc.errno(callState) : 0;
        } finally {
          lock.unlock();
        }
        if (written > 0) {
          offset += (int) written;
          length -= (int) written;
        } else if (errno == Libc.EAGAIN || errno == Libc.EINTR || written == 0) {
          interrupted |= await(Libc.EPOLLOUT);
        } else {
          throw new IOException(Libc.strerror(errno));
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes the descriptor and wakes a thread waiting on it, which then fails with "Stream closed". */
  void close() {
    closed = true;
    lock.lock();
    try {
      if (fd >= 0) {
        if (added) {
          poller.forget(fd, key);
        }
        try (Arena arena = Arena.ofConfined()) {
          Libc.close(Libc.callState(arena), fd);
        }
        fd = -1;
      }
    } finally {
      lock.unlock();
    }
    Thread waiter = this.waiter;
    if (waiter != null) {
      LockSupport.unpark(waiter);
    }
  }

  /** Parks until the poller reports {@code events} or the pipe is closed; returns whether interrupted. */
  private boolean await(int events) throws IOException {
    Thread self = Thread.currentThread();
    ready = false;
    waiter = self;
    lock.lock();
    try {
      ensureOpen();
      poller.arm(fd, events, key, added, () -> {
        ready = true;
        LockSupport.unpark(self);
      });
      added = true;
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (!ready && !closed) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    waiter = null;
    return interrupted;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream closed");
    }
  }
}
