package dev.cuprum.test;

import dev.cuprum.Program;
import dev.cuprum.SafeCmd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The expectations of one fake executor, in the order they were registered. */
final class Expectations {

  private final List<Registered> registered = new ArrayList<>();

  synchronized Expectation add(@Nullable Program program, @Nullable List<String> argv, Predicate<SafeCmd> matcher,
      String description) {
    Registered expectation = new Registered(program, argv, matcher, description);
    registered.add(expectation);
    return expectation;
  }

  /**
   * The reply for a command: from the first expectation that matches it and has calls left.
   *
   * @throws UnexpectedCommandException when there is none
   */
  synchronized Reply answer(SafeCmd command) {
    for (Registered expectation : registered) {
      if (expectation.matches(command) && expectation.take()) {
        return expectation.reply;
      }
    }
    throw new UnexpectedCommandException(unexpected(command));
  }

  synchronized void clear() {
    registered.clear();
  }

  /** The expectations whose count was not met. */
  synchronized List<String> unmet() {
    return registered.stream().filter(Registered::unmet).map(Registered::report).toList();
  }

  private String unexpected(SafeCmd command) {
    String asked = command.maskedArgvWithProgram().toString();
    if (registered.isEmpty()) {
      return "Unexpected command " + asked + ": no expectation is registered";
    }
    Registered closest = registered.stream()
        .min(Comparator.comparingInt(expectation -> expectation.distance(command))).orElseThrow();
    return "Unexpected command " + asked + "; the closest expectation is " + closest.report()
        + "; expectations: " + registered.stream().map(Registered::report).collect(Collectors.joining(", "));
  }

  private static final class Registered implements Expectation {

    private final @Nullable Program program;
    private final @Nullable List<String> argv;
    private final Predicate<SafeCmd> matcher;
    private final String description;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int times = -1;
    private volatile Reply reply = Reply.exit(0);

    Registered(@Nullable Program program, @Nullable List<String> argv, Predicate<SafeCmd> matcher,
        String description) {
      this.program = program;
      this.argv = argv;
      this.matcher = matcher;
      this.description = description;
    }

    @Override
    public Expectation times(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, got " + count);
      }
      times = count;
      return this;
    }

    @Override
    public void respond(Reply reply) {
      this.reply = Objects.requireNonNull(reply, "reply");
    }

    boolean matches(SafeCmd command) {
      return matcher.test(command);
    }

    boolean take() {
      int limit = times;
      while (true) {
        int made = calls.get();
        if (limit >= 0 && made >= limit) {
          return false;
        }
        if (calls.compareAndSet(made, made + 1)) {
          return true;
        }
      }
    }

    boolean unmet() {
      int made = calls.get();
      return times < 0 ? made == 0 : made != times;
    }

    String report() {
      String expected = times < 0 ? "at least once" : times + " times";
      return description + " (expected " + expected + ", called " + calls.get() + " times)";
    }

    /** How far a command is from this expectation: another program is farthest, then differing arguments. */
    int distance(SafeCmd command) {
      if (program == null || argv == null) {
        return 1_000_000;
      }
      int distance = program.name().equals(command.program().name()) ? 0 : 100_000;
      List<String> asked = command.argv();
      int common = Math.min(asked.size(), argv.size());
      for (int i = 0; i < common; i++) {
        if (!asked.get(i).equals(argv.get(i))) {
          distance++;
        }
      }
      return distance + Math.abs(asked.size() - argv.size());
    }
  }
}
