package dev.cuprum.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child started by {@link NativeLauncher}. Its exit is seen by the {@link Poller} through a
 * pidfd and reaped there; signals go through the same pidfd, so they can never reach another
 * process that was given the pid after this one was reaped.
 */
final class NativeProcess extends Process implements ParkingIo {

  private final long pid;
  private final ProcessHandle handle;
  private final OutputStream stdin;
  private final InputStream stdout;
  private final InputStream stderr;
  private final Poller poller;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  /** The pidfd, or -1 once the process is reaped; guarded by {@code this}. */
  private int pidfd;

  NativeProcess(Poller poller, long pid, int pidfd, OutputStream stdin, InputStream stdout, InputStream stderr) {
    this.poller = poller;
    this.pid = pid;
    this.pidfd = pidfd;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    // Taken while the child cannot have been reaped: the handle knows its start time from now on.
    this.handle = ProcessHandle.of(pid).orElseThrow();
  }

  /** Asks the poller to reap the process when it exits. */
  void watch() throws IOException {
    long key = poller.newKey();
    synchronized (this) {
      poller.arm(pidfd, Libc.EPOLLIN, key, false, () -> reap(key));
    }
  }

  private void reap(long key) {
    int code;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment info = arena.allocate(Libc.SIGINFO_SIZE, 8);
      MemorySegment state = Libc.callState(arena);
      int result;
      do {
        result = Libc.waitid(state, Libc.P_PID, (int) pid, info, Libc.WEXITED | Libc.WNOHANG);
      } while (result < 0 && Libc.errno(state) == Libc.EINTR);
      if (result < 0 || info.get(ValueLayout.JAVA_INT, Libc.SIGINFO_PID_OFFSET) != pid) {
        // Reaped by someone else, outside Cuprum: the status is lost, and the process is gone.
        code = 0x80 + Libc.SIGKILL;
      } else {
        int status = info.get(ValueLayout.JAVA_INT, Libc.SIGINFO_STATUS_OFFSET);
        code = info.get(ValueLayout.JAVA_INT, Libc.SIGINFO_CODE_OFFSET) == Libc.CLD_EXITED ? status : 0x80 + status;
      }
      synchronized (this) {
        poller.forget(pidfd, key);
        Libc.close(state, pidfd);
        pidfd = -1;
      }
    }
    exit.complete(code);
  }

  @Override
  public Executor ioThreads() {
    return poller.ioThreads();
  }

  @Override
  public OutputStream getOutputStream() {
    return stdin;
  }

  @Override
  public InputStream getInputStream() {
    return stdout;
  }

  @Override
  public InputStream getErrorStream() {
    return stderr;
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      return exit.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      exit.get(timeout, unit);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int exitValue() {
    Integer code = exit.getNow(null);
    if (code == null) {
      throw new IllegalThreadStateException("process hasn't exited");
    }
    return code;
  }

  @Override
  public boolean isAlive() {
    return !exit.isDone();
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return exit.thenApply(code -> this);
  }

  @Override
  public void destroy() {
    signal(Libc.SIGTERM);
  }

  @Override
  public Process destroyForcibly() {
    signal(Libc.SIGKILL);
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return true;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public ProcessHandle toHandle() {
    return handle;
  }

  private synchronized void signal(int signal) {
    if (pidfd >= 0) {
      try (Arena arena = Arena.ofConfined()) {
        Libc.pidfdSendSignal(Libc.callState(arena), pidfd, signal);
      }
    }
  }

  @Override
  public String toString() {
    return "NativeProcess[pid=" + pid + ", exitValue=" + (isAlive() ? "\"not exited\"" : exitValue()) + "]";
  }
}
