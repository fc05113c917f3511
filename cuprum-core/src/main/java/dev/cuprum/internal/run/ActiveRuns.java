package dev.cuprum.internal.run;

import dev.cuprum.RunningCommand;
import dev.cuprum.SafeCmd;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The processes an executor has started and not yet seen exit. */
public final class ActiveRuns {

  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<Long, RunningCommand> running = new ConcurrentHashMap<>();

  /** Records a started process; returns the key that {@link #remove(long)} takes. */
  public long add(SafeCmd cmd, long pid) {
    long key = sequence.incrementAndGet();
    running.put(key, new RunningCommand(cmd.program(), cmd.maskedArgvWithProgram(), pid, Instant.now()));
    return key;
  }

  public void remove(long key) {
    running.remove(key);
  }

  /** The running processes, oldest first. */
  public List<RunningCommand> snapshot() {
    return running.values().stream().sorted(Comparator.comparing(RunningCommand::startedAt)).toList();
  }
}
