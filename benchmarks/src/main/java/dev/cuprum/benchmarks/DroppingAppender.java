package dev.cuprum.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A logback appender that drops every event after counting it: the logging hook's records are
 * built and dispatched as in a service, without the cost of any particular output, and the count
 * proves they were.
 */
public final class DroppingAppender extends AppenderBase<ILoggingEvent> {

  private static final AtomicLong APPENDED = new AtomicLong();

  /** How many events all instances have received. */
  static long appended() {
    return APPENDED.get();
  }

  @Override
  protected void append(ILoggingEvent event) {
    APPENDED.incrementAndGet();
  }
}
