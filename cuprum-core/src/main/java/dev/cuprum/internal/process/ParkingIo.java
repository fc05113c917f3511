package dev.cuprum.internal.process;

import java.util.concurrent.Executor;

/**
 * A stream or process whose blocking calls park the calling thread instead of holding it in the
 * operating system, such as those of the native launcher. Tasks that pump it run on
 * {@link #ioThreads()}, which may be virtual threads.
 */
public interface ParkingIo {

  /** Where tasks that wait on this stream or process run. */
  Executor ioThreads();
}
