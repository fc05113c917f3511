package dev.cuprum.internal.process;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executor;

/** A child's stdin, written through a {@link Pipe}; closing it is the child's end of input. */
final class PipeOutputStream extends OutputStream implements ParkingIo {

  private final Pipe pipe;

  PipeOutputStream(Pipe pipe) {
    this.pipe = pipe;
  }

  @Override
  public void write(int b) throws IOException {
    pipe.write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    pipe.write(buffer, offset, length);
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
