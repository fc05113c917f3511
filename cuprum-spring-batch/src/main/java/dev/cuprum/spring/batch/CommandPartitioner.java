package dev.cuprum.spring.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per item of a batch of commands: each command becomes a step execution of its
 * own, so the job repository records each one as it completes and a restart runs only those that
 * did not. The worker step turns the partition's item into its command
 * ({@link #item(StepExecution)}), in this JVM or in another.
 *
 * <p>A partition is named after its item, not its position, so that a restart finds each item's
 * earlier outcome even when the list changed: a new item runs, a completed one does not run again.
 * Items are stored in the job repository: give names (a file, a repository, a record id), never
 * secrets; the worker looks up whatever else the command needs.
 */
public final class CommandPartitioner implements Partitioner {

  /** The execution-context key of a partition's item. */
  public static final String ITEM_KEY = "cuprum.item";

  private final List<String> items;

  private CommandPartitioner(List<String> items) {
    this.items = items;
  }

  /** Characters of an item kept in its partition's name, to recognize it in the job repository. */
  private static final int NAME_CHARS = 32;

  /**
   * A partitioner with one partition per item, in the items' order, named
   * {@code command-<the item's first characters>-<a hash of the item>}.
   *
   * @throws IllegalArgumentException when there are no items, or an item is listed twice
   */
  public static CommandPartitioner of(List<String> items) {
    List<String> copy = List.copyOf(Objects.requireNonNull(items, "items"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("items must not be empty: a partitioned step needs at least one command");
    }
    Set<String> seen = new HashSet<>();
    for (String item : copy) {
      if (!seen.add(item)) {
        throw new IllegalArgumentException("items must be distinct, since each names its partition; '" + item
            + "' is listed twice");
      }
    }
    return new CommandPartitioner(copy);
  }

  /** The item of a worker's step execution. */
  public static String item(StepExecution stepExecution) {
    ExecutionContext context = stepExecution.getExecutionContext();
    if (!context.containsKey(ITEM_KEY)) {
      throw new IllegalStateException("Step execution " + stepExecution.getStepName()
          + " has no " + ITEM_KEY + ": it was not made by a CommandPartitioner");
    }
    return context.getString(ITEM_KEY);
  }

  /**
   * One partition per item; {@code gridSize} is ignored, since concurrency is the task executor's
   * (one machine) or the workers' (many).
   */
  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (String item : items) {
      ExecutionContext context = new ExecutionContext();
      context.putString(ITEM_KEY, item);
      partitions.put(name(item), context);
    }
    return partitions;
  }

  private static String name(String item) {
    String readable = item.codePoints().limit(NAME_CHARS)
        .map(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' ? c : '_')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(item.getBytes(StandardCharsets.UTF_8));
      return "command-" + readable + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
