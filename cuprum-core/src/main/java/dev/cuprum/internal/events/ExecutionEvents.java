package dev.cuprum.internal.events;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.ExecutorShutdownException;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.Program;
import dev.cuprum.SafeCmd;
import dev.cuprum.Secret;
import dev.cuprum.Termination;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.internal.observation.ExecObservations;
import dev.cuprum.micrometer.ExecOutcome;
import dev.cuprum.internal.util.Masking;
import dev.cuprum.internal.util.ReservedTags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one execution, delivered to its observe hooks one at a time and in order. When
 * no hook is registered nothing is built at all.
 *
 * <p>A hook that throws does not stop delivery to the others. The first failure is kept, handed
 * to the failure listener (which ends the run) and thrown by the run; later ones are suppressed
 * into it. Nothing is delivered after the EXIT event.
 */
public final class ExecutionEvents {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.observability");
  private static final ExecutionEvents NONE = new ExecutionEvents();
  private static final int MIN_SCRUBBED_LENGTH = 3;
  /**
   * How long the EXIT event waits for a hook still taking an earlier event. Part of the margin by
   * which a run may outlast its timeout, cancel grace and drain timeout.
   */
  public static final Duration EXIT_WAIT = Duration.ofSeconds(1);
  private static final long STALL_CHECK_MILLIS = 50;

  private final ExecHook[] hooks;
  private final @Nullable Program program;
  private final List<String> argv;
  private final @Nullable Path cwd;
  private final Map<String, String> env;
  private final Map<String, Object> tags;
  private final @Nullable UUID execId;
  private final Consumer<Throwable> onFailure;
  private final boolean wantsOutput;
  private final List<String> secrets;
  private volatile ExecObservations.@Nullable Running observation;
  private volatile @Nullable Long pid;
  private @Nullable Throwable failure;
  /** Held while the hooks take one event, so that they see the events one at a time, in order. */
  private final ReentrantLock delivery = new ReentrantLock();
  private boolean exited;
  /**
   * The hook taking an event now, and that event's phase: what a stalled delivery names. Written
   * with release semantics and no full fence, since they are written twice per event and read
   * only when a delivery waits on a hook.
   */
  private final AtomicReference<@Nullable ExecHook> calling = new AtomicReference<>();
  private final AtomicReference<@Nullable ExecPhase> callingPhase = new AtomicReference<>();
  /** Set when the EXIT event could not wait any longer for a hook: later events are dropped. */
  private volatile boolean stalled;
  private final AtomicLong dropped = new AtomicLong();

  private ExecutionEvents() {
    this.hooks = new ExecHook[0];
    this.program = null;
    this.argv = List.of();
    this.cwd = null;
    this.env = Map.of();
    this.tags = Map.of();
    this.execId = null;
    this.onFailure = failure -> {};
    this.wantsOutput = false;
    this.secrets = List.of();
  }

  private ExecutionEvents(
      List<ExecHook> hooks, SafeCmd cmd, List<SafeCmd> secretSources, @Nullable Path cwd, Map<String, String> envOverlay,
      Map<String, Object> tags, Consumer<Throwable> onFailure) {
    this.hooks = hooks.toArray(new ExecHook[0]);
    this.program = cmd.program();
    this.argv = cmd.maskedArgvWithProgram();
    this.cwd = cwd;
    this.env = Masking.maskEnv(envOverlay);
    this.tags = tags;
    this.execId = UUID.randomUUID();
    this.onFailure = onFailure;
    this.wantsOutput = hooks.stream().anyMatch(ExecHook::wantsOutput);
    this.secrets = secretValues(secretSources, envOverlay);
  }

  /**
   * The events of one execution.
   *
   * @param hooks the observe hooks, in delivery order
   * @param observed whether an observation will be {@linkplain #attach attached}
   * @param secretSources the commands whose secret arguments the events mask in output lines: the
   *     command itself, or every stage of its pipeline, whose output may carry any stage's secrets
   * @param tags the tags of every event
   * @param onFailure told once, on the thread that saw it, when a hook first throws
   */
  public static ExecutionEvents of(
      List<ExecHook> hooks, boolean observed, SafeCmd cmd, List<SafeCmd> secretSources, @Nullable Path cwd,
      Map<String, String> envOverlay, Map<String, Object> tags, Consumer<Throwable> onFailure) {
    return hooks.isEmpty() && !observed ? NONE
        : new ExecutionEvents(hooks, cmd, secretSources, cwd, envOverlay, tags, onFailure);
  }

  /**
   * The values masked in output lines, longest first: a line splitter keeps each of them within
   * one piece of a long line, so that no piece holds part of one.
   */
  public List<String> secretValues() {
    return secrets;
  }

  /**
   * Lets the run's {@code cuprum.exec} observation follow the events from here on: the start, the
   * output lines it records, stdin failures and the end. It ends before the hooks see EXIT, so a
   * failing hook cannot keep a span open.
   */
  public void attach(ExecObservations.Running observation) {
    this.observation = observation;
  }

  /**
   * The run ended before its process started: its observation, if one was attached, ends with
   * the error. Hooks get no event, as there was no process.
   */
  public void notStarted(Throwable error) {
    ExecObservations.Running running = observation;
    if (running != null) {
      running.stop(isCancellation(error) ? ExecOutcome.CANCELLED : ExecOutcome.ERROR, null, null, error);
    }
  }

  /**
   * The tags of every event of a run: the caller's tags, then {@code project}, {@code capture},
   * {@code echo} and the given extra tags. Contexts refuse the reserved keys, so a caller's tag
   * never replaces what Cuprum reports.
   *
   * @param project the project the executor's catalogue assigns to the program
   */
  public static Map<String, Object> tags(
      String project, boolean capture, boolean echo, Map<String, Object> extra, Map<String, Object> callerTags) {
    Map<String, Object> tags = new LinkedHashMap<>(callerTags);
    tags.put(ReservedTags.PROJECT, project);
    tags.put(ReservedTags.CAPTURE, capture);
    tags.put(ReservedTags.ECHO, echo);
    tags.putAll(extra);
    return Map.copyOf(tags);
  }

  /** Whether any hook listens; when none does, every method here returns at once. */
  public boolean active() {
    return hooks.length > 0;
  }

  /** Whether any hook, or the observation, wants STDOUT and STDERR line events. */
  public boolean wantsOutput() {
    ExecObservations.Running running = observation;
    return wantsOutput || running != null && running.wantsOutput();
  }

  public void plan() {
    emit(ExecPhase.PLAN, null, null, null, null, tags);
  }

  public void start(long pid) {
    this.pid = pid;
    ExecObservations.Running running = observation;
    if (running != null) {
      running.started(pid);
    }
    emit(ExecPhase.START, null, null, null, null, tags);
  }

  /**
   * The lines of one read of a stream, in order, each with any secret value it contains masked;
   * {@code phase} is STDOUT or STDERR. They are handed to the hooks under one hold of the delivery
   * lock, one event at a time, and carry one timestamp: the bytes were read together.
   */
  public void lines(ExecPhase phase, List<String> lines) {
    ExecObservations.Running running = observation;
    boolean toHooks = wantsOutput && active();
    if (running == null && !toHooks || lines.isEmpty()) {
      return;
    }
    List<ExecEvent> events = toHooks ? new ArrayList<>(lines.size()) : List.of();
    Instant readAt = Instant.now();
    for (String line : lines) {
      String masked = secrets.isEmpty() ? line : scrub(line);
      if (running != null) {
        running.line(phase, masked);
      }
      if (toHooks) {
        events.add(event(readAt, phase, masked, null, null, null, tags, null, null, null));
      }
    }
    if (toHooks) {
      deliver(events);
    }
  }

  public void stdinWritten(long byteCount) {
    if (active()) {
      deliver(event(Instant.now(), ExecPhase.STDIN, null, null, null, null, tags, byteCount, null, null));
    }
  }

  public void stdinFailed(String operation, Throwable error) {
    String type = error.getClass().getSimpleName();
    ExecObservations.Running running = observation;
    if (running != null) {
      running.stdinFailed(type + ": " + error.getMessage());
    }
    if (active()) {
      deliver(event(Instant.now(), ExecPhase.STDIN_ERROR, null, null, null, type + ": " + error.getMessage(), tags,
          null, operation, type));
    }
  }

  /**
   * The one EXIT event; {@code termination} says why Cuprum ended the process, if it did. The
   * observation ends first, with the outcome that the termination and the error make.
   *
   * @param error what the run throws, or for a non-zero exit a {@code NonZeroExitException}; null
   *     for a zero exit
   */
  public void exit(
      int exitCode, Duration duration, Termination termination, @Nullable String note, @Nullable Throwable error) {
    ExecObservations.Running running = observation;
    if (running != null) {
      running.stop(outcome(exitCode, termination, error), exitCode, duration, error);
    }
    if (!active()) {
      return;
    }
    Map<String, Object> exitTags = tags;
    if (termination != Termination.NONE) {
      Map<String, Object> withTermination = new LinkedHashMap<>(tags);
      withTermination.put(ReservedTags.TERMINATION, termination.tagValue());
      exitTags = Map.copyOf(withTermination);
    }
    emit(ExecPhase.EXIT, null, exitCode, duration, note, exitTags);
  }

  /** How a started process's run ended, as observations report it. */
  private static ExecOutcome outcome(int exitCode, Termination termination, @Nullable Throwable error) {
    if (termination == Termination.TIMEOUT) {
      return ExecOutcome.TIMEOUT;
    }
    if (termination != Termination.NONE) {
      return error == null || isCancellation(error) ? ExecOutcome.CANCELLED : ExecOutcome.ERROR;
    }
    if (error != null && !(error instanceof NonZeroExitException)) {
      return ExecOutcome.ERROR;
    }
    return exitCode == 0 ? ExecOutcome.SUCCESS : ExecOutcome.FAILURE;
  }

  private static boolean isCancellation(Throwable error) {
    return error instanceof CommandCancelledException || error instanceof ExecutorShutdownException;
  }

  /**
   * The values a process may print that events must not carry: secret arguments and sensitive
   * environment values. Very short values are left alone; masking them would garble output.
   */
  private static List<String> secretValues(List<SafeCmd> commands, Map<String, String> envOverlay) {
    Set<String> unique = new LinkedHashSet<>();
    for (SafeCmd cmd : commands) {
      for (int i = 0; i < cmd.argv().size(); i++) {
        if (cmd.isSecret(i)) {
          unique.addAll(Masking.secretParts(cmd.argv().get(i)));
        }
      }
    }
    envOverlay.forEach((name, value) -> {
      if (Masking.isSensitiveKey(name)) {
        unique.add(value);
      }
    });
    List<String> values = new ArrayList<>(unique);
    values.removeIf(value -> value.length() < MIN_SCRUBBED_LENGTH);
    // Longest first, so a secret containing another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(values);
  }

  private String scrub(String line) {
    String scrubbed = line;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, Secret.MASK);
    }
    return scrubbed;
  }

  /**
   * The observe hook taking an event now, by class name, or null: a pump whose line is not taken
   * is held up by it rather than by a descendant holding the pipe.
   */
  public @Nullable String hookInCall() {
    ExecHook hook = calling.get();
    return hook == null ? null : hook.getClass().getName();
  }

  /** How many events were dropped because a hook did not return. */
  public long droppedEvents() {
    return dropped.get();
  }

  /** The first hook failure, or null. */
  public synchronized @Nullable Throwable failure() {
    return failure;
  }

  private void emit(
      ExecPhase phase, @Nullable String line, @Nullable Integer exitCode, @Nullable Duration duration,
      @Nullable String note, Map<String, Object> eventTags) {
    if (active()) {
      deliver(event(Instant.now(), phase, line, exitCode, duration, note, eventTags, null, null, null));
    }
  }

  private ExecEvent event(
      Instant at, ExecPhase phase, @Nullable String line, @Nullable Integer exitCode, @Nullable Duration duration,
      @Nullable String note, Map<String, Object> eventTags, @Nullable Long byteCount, @Nullable String operation,
      @Nullable String errorType) {
    return new ExecEvent(phase, Objects.requireNonNull(program), argv, cwd, env, pid, at, line,
        exitCode, duration, eventTags, note, byteCount, operation, errorType, Objects.requireNonNull(execId));
  }

  private void deliver(ExecEvent event) {
    deliver(List.of(event));
  }

  /**
   * Hands the events to every hook, in order, one event at a time. Output events wait for the hook
   * before them as long as it takes, which holds the pump and so the process's output; the EXIT
   * event waits at most {@link #EXIT_WAIT}, because the run must return. When it cannot wait
   * longer, it and every later event are dropped and counted, and the hook that does not return is
   * named in the log.
   */
  private void deliver(List<ExecEvent> events) {
    boolean exit = events.get(events.size() - 1).phase() == ExecPhase.EXIT;
    if (!acquire(exit)) {
      dropped.addAndGet(events.size());
      return;
    }
    Throwable first = null;
    try {
      for (ExecEvent event : events) {
        if (exited) {
          return;
        }
        exited = event.phase() == ExecPhase.EXIT;
        Throwable failed = dispatch(event);
        if (failed != null) {
          first = failed;
        }
        if (stalled) {
          return;
        }
      }
    } finally {
      calling.lazySet(null);
      callingPhase.lazySet(null);
      delivery.unlock();
      if (first != null) {
        onFailure.accept(first);
      }
    }
  }

  /**
   * Hands one event to every hook, the delivery lock held; returns the run's first hook failure
   * when this event caused it (so at most one event of a run returns one).
   */
  private @Nullable Throwable dispatch(ExecEvent event) {
    Throwable first = null;
    for (ExecHook hook : hooks) {
      calling.lazySet(hook);
      callingPhase.lazySet(event.phase());
      try {
        hook.onEvent(event);
      } catch (Throwable e) {
        LOG.atWarn()
            .setMessage("observe_hook_failed phase={} program={} error={}")
            .addArgument(() -> event.phase().name().toLowerCase(Locale.ROOT))
            .addArgument(event.program())
            .addArgument(() -> e.getClass().getSimpleName())
            .setCause(e)
            .log();
        if (recordFailure(e)) {
          first = e;
        }
      }
      if (stalled) {
        LOG.warn("cuprum.observe_hook_returned hook={} phase={} program={}: {} events of this run were dropped "
            + "while it was blocked", hook.getClass().getName(), lower(event.phase()), event.program(),
            dropped.get());
        return first;
      }
    }
    return first;
  }

  private boolean acquire(boolean exit) {
    if (stalled) {
      return false;
    }
    if (delivery.tryLock()) {
      return true;
    }
    long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
    boolean interrupted = false;
    try {
      while (!stalled) {
        try {
          if (delivery.tryLock(STALL_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!stalled) {
              return true;
            }
            delivery.unlock();
            return false;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (exit && System.nanoTime() - deadline >= 0) {
          stall();
          return false;
        }
      }
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void stall() {
    stalled = true;
    ExecHook hook = calling.get();
    ExecPhase phase = callingPhase.get();
    LOG.warn("cuprum.observe_hook_blocked hook={} phase={} program={}: it has not returned for more than {}; the "
        + "EXIT event and every later event of this run are dropped", hook == null ? "?" : hook.getClass().getName(),
        phase == null ? "?" : lower(phase), program, EXIT_WAIT);
  }

  private synchronized boolean recordFailure(Throwable e) {
    if (failure == null) {
      failure = e;
      return true;
    }
    if (failure != e) {
      failure.addSuppressed(e);
    }
    return false;
  }

  private static String lower(ExecPhase phase) {
    return phase.name().toLowerCase(Locale.ROOT);
  }
}
