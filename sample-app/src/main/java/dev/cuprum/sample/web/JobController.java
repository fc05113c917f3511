package dev.cuprum.sample.web;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.sample.web.ApiMessages.CommandResponse;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/jobs} and {@code POST /api/jobs/{name}}: commands configured by the operator
 * ({@code sample.jobs}), which a caller can only choose by name. The safest way to offer commands
 * over HTTP: nothing a request carries reaches an argv.
 */
@RestController
final class JobController {

  private final CommandExecutor executor;
  private final JobCommands jobs;

  JobController(CommandExecutor executor, JobCommands jobs) {
    this.executor = executor;
    this.jobs = jobs;
  }

  @GetMapping("/api/jobs")
  Set<String> jobs() {
    return jobs.names();
  }

  @PostMapping("/api/jobs/{name}")
  CommandResponse run(@PathVariable String name) {
    CommandResult result = executor.run(jobs.command(name));
    return new CommandResponse(result.exitCode(), result.stdout(), result.duration().toMillis());
  }
}
