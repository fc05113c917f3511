package dev.cuprum.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/** A child's stdout or stderr, read through a {@link Pipe}. */
final class PipeInputStream extends InputStream implements ParkingIo {

  private final Pipe pipe;

  PipeInputStream(Pipe pipe) {
    this.pipe = pipe;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return pipe.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return pipe.read(buffer, offset, length);
  }

  @Override
  public Executor ioThreads() {
    return pipe.ioThreads();
  }

  @Override
  public void close() {
    pipe.close();
  }
}
