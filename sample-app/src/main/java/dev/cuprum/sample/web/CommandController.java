package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.sample.config.SampleProperties;
import dev.cuprum.sample.hooks.ArgumentPolicy;
import dev.cuprum.sample.web.ApiMessages.BatchItem;
import dev.cuprum.sample.web.ApiMessages.BatchRequest;
import dev.cuprum.sample.web.ApiMessages.BatchResponse;
import dev.cuprum.sample.web.ApiMessages.CommandResponse;
import dev.cuprum.sample.web.ApiMessages.EchoRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/echo} and {@code POST /api/batch}. */
@RestController
final class CommandController {

  private final CommandExecutor executor;
  private final EchoCommands echo;
  private final ArgumentPolicy policy;
  private final @Nullable Integer defaultConcurrency;
  private final SampleProperties.Batch limits;

  /** {@code batchDefaults} holds {@code cuprum.concurrency.*}, of which a batch takes the concurrency. */
  CommandController(CommandExecutor executor, EchoCommands echo, ArgumentPolicy policy,
      @Qualifier("cuprumConcurrentConfig") ConcurrentConfig batchDefaults, SampleProperties properties) {
    this.executor = executor;
    this.echo = echo;
    this.policy = policy;
    this.defaultConcurrency = batchDefaults.concurrency();
    this.limits = properties.batch();
  }

  // tag::echo[]
  @PostMapping(path = "/api/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
  CommandResponse echo(@RequestBody EchoRequest request) {
    SafeCmd cmd = echo.command(request.text(), "text");
    CommandResult result = executor.run(cmd);
    return new CommandResponse(result.exitCode(), result.stdout(), result.duration().toMillis());
  }
  // end::echo[]

  // tag::batch[]
  @PostMapping(path = "/api/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchResponse batch(@RequestBody BatchRequest request) {
    List<SafeCmd> commands = commands(request);
    // Collects every result rather than failing fast, so that each text gets its own answer.
    ConcurrentConfig config = ConcurrentConfig.builder()
        .concurrency(concurrency(request.concurrency(), commands.size()))
        .build();
    // The members run on the cuprumTaskExecutor, as children of one "cuprum.batch" observation.
    ConcurrentResult result = executor.runConcurrent(commands, config);
    List<BatchItem> items = result.results().stream()
        .map(each -> new BatchItem(each.exitCode(), each.stdout()))
        .toList();
    return new BatchResponse(result.ok(), items);
  }
  // end::batch[]

  /**
   * The batch's commands, each already checked by the argument policy, so that a batch either
   * runs whole or is refused before any command starts.
   */
  private List<SafeCmd> commands(BatchRequest request) {
    List<String> texts = request.texts();
    if (texts == null) {
      throw new BadRequestException("texts is required");
    }
    if (texts.isEmpty()) {
      throw new BadRequestException("texts must not be empty");
    }
    if (texts.size() > limits.maxTexts()) {
      throw new BadRequestException("texts has " + texts.size() + " elements; at most " + limits.maxTexts()
          + " are allowed");
    }
    List<SafeCmd> commands = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      SafeCmd cmd = echo.command(texts.get(i), "texts[" + i + "]");
      policy.before(cmd);
      commands.add(cmd);
    }
    return commands;
  }

  /** The requested concurrency, else the configured one, else one command per text up to the limit. */
  private int concurrency(@Nullable Integer requested, int commandCount) {
    if (requested == null) {
      return defaultConcurrency != null ? defaultConcurrency : Math.min(commandCount, limits.maxConcurrency());
    }
    if (requested < 1) {
      throw new BadRequestException("concurrency must be at least 1, got " + requested);
    }
    if (requested > limits.maxConcurrency()) {
      throw new BadRequestException("concurrency must be at most " + limits.maxConcurrency() + ", got " + requested);
    }
    return requested;
  }
}
