package dev.cuprum.test;

import dev.cuprum.SafeCmd;
import dev.cuprum.internal.process.ProcessLauncher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Starts fake processes instead of real ones. The executor hands it process builders, which carry
 * the argv only; the fake executor announces each command before it runs, so that the launcher
 * matches expectations against the command itself (program, arguments, secrets, project).
 */
final class FakeLauncher implements ProcessLauncher {

  private static final ScheduledExecutorService CLOCK = clock();

  private final Expectations expectations;
  private final Map<List<String>, Deque<SafeCmd>> announced = new ConcurrentHashMap<>();

  FakeLauncher(Expectations expectations) {
    this.expectations = expectations;
  }

  /** Makes {@code cmd} known to the launcher until {@link #forget} is called for it. */
  void announce(SafeCmd cmd) {
    announced.computeIfAbsent(cmd.argv(), argv -> new ConcurrentLinkedDeque<>()).add(cmd);
  }

  void forget(SafeCmd cmd) {
    announced.computeIfPresent(cmd.argv(), (argv, commands) -> {
      commands.remove(cmd);
      return commands.isEmpty() ? null : commands;
    });
  }

  @Override
  public String description() {
    return "fake: replies of cuprum-test, no process starts";
  }

  @Override
  public Process start(ProcessBuilder builder) {
    SafeCmd cmd = commandOf(builder.command());
    Reply reply = expectations.answer(cmd);
    RuntimeException failure = reply.failure();
    if (failure != null) {
      throw failure;
    }
    return new FakeProcess(reply, CLOCK);
  }

  @Override
  public List<Process> startPipeline(List<ProcessBuilder> builders) {
    List<Reply> replies = new ArrayList<>(builders.size());
    for (ProcessBuilder builder : builders) {
      replies.add(expectations.answer(commandOf(builder.command())));
    }
    for (Reply reply : replies) {
      RuntimeException failure = reply.failure();
      if (failure != null) {
        throw failure;
      }
    }
    return replies.stream().map(reply -> (Process) new FakeProcess(reply, CLOCK)).toList();
  }

  @Override
  public void terminate(List<Process> roots, Duration grace) {
    roots.forEach(Process::destroy);
  }

  /**
   * The announced command a process builder's argv was made from. The first element is the
   * program's name, or the file it was resolved to when programs are pinned.
   */
  private SafeCmd commandOf(List<String> command) {
    String executable = command.get(0);
    Deque<SafeCmd> commands = announced.getOrDefault(command.subList(1, command.size()), new ConcurrentLinkedDeque<>());
    for (SafeCmd cmd : commands) {
      String name = cmd.program().name();
      if (name.equals(executable) || fileName(name).equals(fileName(executable))) {
        return cmd;
      }
    }
    throw new IllegalStateException("The fake executor was asked to start " + command + " without announcing it");
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static ScheduledExecutorService clock() {
    ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "cuprum-fake-clock");
      thread.setDaemon(true);
      return thread;
    });
    clock.setRemoveOnCancelPolicy(true);
    return clock;
  }
}
