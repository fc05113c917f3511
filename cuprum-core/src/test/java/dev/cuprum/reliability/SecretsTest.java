package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.logging.LogLevels;
import dev.cuprum.logging.StructuredLoggingHook;
import dev.cuprum.micrometer.MetricsHook;
import dev.cuprum.micrometer.ObservationOptions;
import dev.cuprum.testing.TestPrograms;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A secret argument or a sensitive environment value never reaches anything meant for people. */
class SecretsTest {

  private static final String ARGUMENT_SECRET = "arg-secret-4711";
  private static final String ENV_SECRET = "env-secret-0815";
  private static final String SCOPED_SECRET = "scoped-secret-42";

  @Test
  void noTelemetryLogExceptionOrToStringCarriesASecret() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SimpleTracer tracer = new SimpleTracer();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters))
        .observationHandler(new DefaultTracingObservationHandler(tracer));
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .observationRegistry(observations).observationOptions(ObservationOptions.builder().recordOutput(true).build())
        .observeHook(new MetricsHook(meters)).build();

    Logger cuprum = (Logger) LoggerFactory.getLogger("cuprum");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    cuprum.addAppender(logs);
    Level previous = cuprum.getLevel();
    cuprum.setLevel(Level.TRACE);
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    List<String> texts = new ArrayList<>();

    SafeCmd cmd = sh("echo \"$1 $API_TOKEN $PASSWORD\"; echo \"$1\" >&2; cat; sleep 30", Sh.secret(ARGUMENT_SECRET));
    ExecutionContext context = ExecutionContext.builder().env(Map.of("API_TOKEN", ENV_SECRET))
        .cancelGrace(Duration.ofMillis(100)).build();
    RunOptions options = RunOptions.builder().context(context).timeout(Duration.ofMillis(500))
        .stdin(StdinInput.text(ARGUMENT_SECRET + "\n")).build();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().envOverlay(Map.of("PASSWORD", SCOPED_SECRET)).build());
        Registration logging = Cuprum.loggingHook(LoggerFactory.getLogger("cuprum.audit"));
        Registration structured = Cuprum.observe(new StructuredLoggingHook(LoggerFactory.getLogger("cuprum.exec"),
            new LogLevels(org.slf4j.event.Level.INFO, org.slf4j.event.Level.INFO, org.slf4j.event.Level.INFO,
                org.slf4j.event.Level.INFO)));
        Registration observe = Cuprum.observe(events::add)) {
      Throwable timeout = catchThrowable(() -> executor.run(cmd, options));
      texts.add(timeout.getMessage());
      texts.add(timeout.toString());
      CommandResult result = executor.run(sh("echo done", Sh.secret(ARGUMENT_SECRET)), RunOptions.builder().context(context).build());
      texts.add(result.toString());
      texts.add(CuprumContext.current().toString());
    } finally {
      cuprum.detachAppender(logs);
      cuprum.setLevel(previous);
    }
    texts.add(cmd.toString());
    texts.add(cmd.argv().toString());
    texts.add(cmd.maskedArgvWithProgram().toString());
    texts.add(context.toString());
    texts.add(options.toString());
    texts.add(ScopeConfig.builder().envOverlay(Map.of("PASSWORD", SCOPED_SECRET)).build().toString());
    texts.add(cmd.pipe(cmd).toString());
    events.forEach(event -> texts.add(event.toString()));
    logs.list.forEach(event -> {
      texts.add(event.getFormattedMessage());
      texts.add(String.valueOf(event.getKeyValuePairs()));
    });
    for (SimpleSpan span : tracer.getSpans()) {
      texts.add(span.getName());
      texts.add(span.getTags().toString());
      texts.add(span.getEvents().toString());
    }
    for (Meter meter : meters.getMeters()) {
      texts.add(meter.getId().toString());
    }

    assertThat(events).isNotEmpty();
    assertThat(logs.list).isNotEmpty();
    assertThat(tracer.getSpans()).isNotEmpty();
    assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(ARGUMENT_SECRET, ENV_SECRET, SCOPED_SECRET));
    assertThat(texts).anySatisfy(text -> assertThat(text).contains("******"));
  }
}
