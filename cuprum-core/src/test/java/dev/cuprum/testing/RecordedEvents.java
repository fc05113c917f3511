package dev.cuprum.testing;

import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An observe hook that keeps every event, output lines included. */
public final class RecordedEvents implements ExecHook {

  private final List<ExecEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public boolean wantsOutput() {
    return true;
  }

  @Override
  public void onEvent(ExecEvent event) {
    events.add(event);
  }

  /** Every event so far, in order. */
  public List<ExecEvent> all() {
    return List.copyOf(events);
  }

  /** The events of one phase, in order. */
  public List<ExecEvent> of(ExecPhase phase) {
    return events.stream().filter(event -> event.phase() == phase).toList();
  }
}
