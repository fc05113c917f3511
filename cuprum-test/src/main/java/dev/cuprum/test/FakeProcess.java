package dev.cuprum.test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process that plays a {@link Reply}: its output is there from the start, and it exits with the
 * reply's code once the delay has passed, or with 143 or 137 when it is ended first, as a process
 * ended by SIGTERM or SIGKILL does. It has no pid: events and observations report none.
 */
final class FakeProcess extends Process {

  private static final int SIGTERM_EXIT = 143;
  private static final int SIGKILL_EXIT = 137;

  private final InputStream stdout;
  private final InputStream stderr;
  private final CountDownLatch exited = new CountDownLatch(1);
  private final Object lock = new Object();
  private int exitCode = -1;

  FakeProcess(Reply reply, ScheduledExecutorService clock) {
    this.stdout = new ByteArrayInputStream(reply.stdoutBytes());
    this.stderr = new ByteArrayInputStream(reply.stderrBytes());
    if (reply.delay().isZero()) {
      exit(reply.exitCode());
    } else {
      clock.schedule(() -> exit(reply.exitCode()), reply.delay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void exit(int code) {
    synchronized (lock) {
      if (exitCode >= 0) {
        return;
      }
      exitCode = code;
    }
    exited.countDown();
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
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
    exited.await();
    return exitValue();
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return exited.await(timeout, unit);
  }

  @Override
  public int exitValue() {
    synchronized (lock) {
      if (exitCode < 0) {
        throw new IllegalThreadStateException("the fake process has not exited");
      }
      return exitCode;
    }
  }

  @Override
  public boolean isAlive() {
    return exited.getCount() > 0;
  }

  @Override
  public void destroy() {
    exit(SIGTERM_EXIT);
  }

  @Override
  public Process destroyForcibly() {
    exit(SIGKILL_EXIT);
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return true;
  }
}
