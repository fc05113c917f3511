package dev.cuprum.events;

import dev.cuprum.context.ExecHook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An observe hook that keeps every event it receives. */
final class RecordingHook implements ExecHook {

  final List<ExecEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(ExecEvent event) {
    events.add(event);
  }

  List<ExecPhase> phases() {
    return events.stream().map(ExecEvent::phase).toList();
  }

  List<String> lines(ExecPhase phase) {
    return events.stream().filter(event -> event.phase() == phase).map(ExecEvent::line).toList();
  }

  ExecEvent last() {
    return events.get(events.size() - 1);
  }
}
