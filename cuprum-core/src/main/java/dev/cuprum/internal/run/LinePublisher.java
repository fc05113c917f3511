package dev.cuprum.internal.run;

import dev.cuprum.internal.process.IoThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lines of a taken output stream for one subscriber, read only as they are requested, on an I/O
 * thread: while the subscriber requests nothing, nothing is read and the program waits. Cancelling
 * closes the stream, which cancels the run when the output had not ended.
 */
final class LinePublisher implements Flow.Publisher<String> {

  private final BufferedReader reader;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  LinePublisher(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super String> subscriber) {
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("This publisher takes one subscriber"));
      return;
    }
    subscriber.onSubscribe(new LineSubscription(subscriber));
  }

  private final class LineSubscription implements Flow.Subscription {

    private final Flow.Subscriber<? super String> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean done;

    LineSubscription(Flow.Subscriber<? super String> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (done) {
        return;
      }
      if (n <= 0) {
        finish();
        subscriber.onError(new IllegalArgumentException("request must be positive, got " + n));
        return;
      }
      demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
      if (draining.compareAndSet(false, true)) {
        IoThreads.start(this::drain);
      }
    }

    @Override
    public void cancel() {
      finish();
    }

    private void drain() {
      try {
        while (!done) {
          while (demand.get() > 0 && !done) {
            String line = reader.readLine();
            if (line == null) {
              finish();
              subscriber.onComplete();
              return;
            }
            demand.decrementAndGet();
            subscriber.onNext(line);
          }
          draining.set(false);
          // A request that came in after the check above finds draining false and restarts it.
          if (demand.get() == 0 || !draining.compareAndSet(false, true)) {
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        if (!done) {
          finish();
          subscriber.onError(e);
        }
      }
    }

    private void finish() {
      if (done) {
        return;
      }
      done = true;
      try {
        reader.close();
      } catch (IOException ignored) {
        // The stream is closed; nothing else to release.
      }
    }
  }
}
