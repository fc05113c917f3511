package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningProcess;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/jobs/{name}/stream}: a job's stdout as Server-Sent Events while it runs, one
 * {@code line} event per line, then an {@code exit} event with the exit code. Lines are read only
 * as fast as they are sent, so a slow client holds the program back rather than filling memory;
 * when the client goes away, the next send fails and the job's process tree is ended.
 */
@RestController
final class JobStreamController {

  private static final Logger LOG = LoggerFactory.getLogger(JobStreamController.class);

  private final CommandExecutor executor;
  private final JobCommands jobs;

  JobStreamController(CommandExecutor executor, JobCommands jobs) {
    this.executor = executor;
    this.jobs = jobs;
  }

  @GetMapping(path = "/api/jobs/{name}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@PathVariable String name) {
    RunningProcess process = executor.start(jobs.command(name), RunOptions.builder().capture(false).build());
    // The job's own timeout ends it; the emitter waits as long as the job may run.
    SseEmitter emitter = new SseEmitter(0L);
    emitter.onCompletion(process::close);
    emitter.onError(failure -> process.close());
    process.stdoutPublisher().subscribe(new Forwarder(process, emitter));
    return emitter;
  }

  /** Sends each line, asking for the next only once it is sent. */
  private static final class Forwarder implements Flow.Subscriber<String> {

    private final RunningProcess process;
    private final SseEmitter emitter;
    private Flow.@Nullable Subscription subscription;

    Forwarder(RunningProcess process, SseEmitter emitter) {
      this.process = process;
      this.emitter = emitter;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(String line) {
      Flow.Subscription lines = Objects.requireNonNull(subscription);
      try {
        emitter.send(SseEmitter.event().name("line").data(line));
        lines.request(1);
      } catch (IOException | IllegalStateException gone) {
        LOG.info("The client of job {} went away; ending the job", process.command().maskedArgvWithProgram());
        lines.cancel();
      }
    }

    @Override
    public void onError(Throwable failure) {
      emitter.completeWithError(failure);
    }

    @Override
    public void onComplete() {
      process.onExit().whenComplete((result, failure) -> {
        try {
          if (result != null) {
            emitter.send(SseEmitter.event().name("exit").data(Map.of("exitCode", result.exitCode()),
                MediaType.APPLICATION_JSON));
          }
          emitter.complete();
        } catch (IOException | IllegalStateException gone) {
          emitter.completeWithError(gone);
        }
      });
    }
  }
}
