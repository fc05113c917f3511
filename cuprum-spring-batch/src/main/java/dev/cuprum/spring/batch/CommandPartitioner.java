package dev.cuprum.spring.batch;

import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Items are stored in the job repository: give names (a file, a repository, a record id), never
 * secrets; the worker looks up whatever else the command needs.
 */
public final class CommandPartitioner implements Partitioner {

  /** The execution-context key of a partition's item. */
  public static final String ITEM_KEY = "cuprum.item";

  private final List<String> items;

  private CommandPartitioner(List<String> items) {
    this.items = items;
  }

  /** A partitioner with one partition per item, named {@code command-<index>} in the items' order. */
  public static CommandPartitioner of(List<String> items) {
    List<String> copy = List.copyOf(Objects.requireNonNull(items, "items"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("items must not be empty: a partitioned step needs at least one command");
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
    int width = String.valueOf(items.size() - 1).length();
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      ExecutionContext context = new ExecutionContext();
      context.putString(ITEM_KEY, items.get(i));
      partitions.put("command-" + "0".repeat(width - String.valueOf(i).length()) + i, context);
    }
    return partitions;
  }
}
