package dev.cuprum.micrometer;

import dev.cuprum.Program;
import dev.cuprum.internal.util.Seconds;
import dev.cuprum.micrometer.CuprumObservationDocumentation.ExecHighCardinalityKeys;
import dev.cuprum.micrometer.CuprumObservationDocumentation.ExecLowCardinalityKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of {@code cuprum.exec} observations: name {@code cuprum.exec},
 * contextual (span) name {@code cuprum.exec <program>}, low-cardinality keys {@code
 * cuprum.program}, {@code cuprum.project}, {@code cuprum.outcome} ({@code UNKNOWN} until the
 * command ends) and {@code cuprum.exit_code} ({@code none} until then), on every observation;
 * high-cardinality keys (span attributes) {@code process.executable.name}, {@code process.pid},
 * {@code process.exit.code}, {@code process.command_args} (masked) and {@code error.type} of
 * OpenTelemetry's conventions for CLI spans, when they have a value, and {@code cuprum.cwd},
 * {@code cuprum.duration_s}, {@code cuprum.pipeline_stage_index} and
 * {@code cuprum.pipeline_stages}, {@code none} standing for an absent value.
 */
public class DefaultExecObservationConvention implements ExecObservationConvention {

  /** The convention's single instance. */
  public static final DefaultExecObservationConvention INSTANCE = new DefaultExecObservationConvention();

  /** The observation name, which is also the timer name. */
  public static final String NAME = "cuprum.exec";

  private static final String NONE = "none";

  /** A convention to extend; use {@link #INSTANCE} as it is. */
  public DefaultExecObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(ExecObservationContext context) {
    return "cuprum.exec " + context.program().name();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ExecObservationContext context) {
    return KeyValues.of(
        ExecLowCardinalityKeys.PROGRAM.withValue(context.program().name()),
        ExecLowCardinalityKeys.PROJECT.withValue(context.project()),
        ExecLowCardinalityKeys.OUTCOME.withValue(context.outcome().name()),
        ExecLowCardinalityKeys.EXIT_CODE.withValue(orNone(context.exitCode())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(ExecObservationContext context) {
    List<KeyValue> values = new ArrayList<>(10);
    values.add(ExecHighCardinalityKeys.EXECUTABLE_NAME.withValue(executableName(context.program())));
    if (context.pid() >= 0) {
      values.add(ExecHighCardinalityKeys.PID.withValue(Long.toString(context.pid())));
    }
    if (context.exitCode() != null) {
      values.add(ExecHighCardinalityKeys.EXIT_CODE.withValue(context.exitCode().toString()));
    }
    if (!context.argv().isEmpty()) {
      values.add(ExecHighCardinalityKeys.COMMAND_ARGS.withValue(String.join(" ", context.argv())));
    }
    String errorType = errorType(context);
    if (errorType != null) {
      values.add(ExecHighCardinalityKeys.ERROR_TYPE.withValue(errorType));
    }
    return KeyValues.of(values).and(
        ExecHighCardinalityKeys.CWD.withValue(orNone(context.cwd())),
        ExecHighCardinalityKeys.DURATION_S.withValue(seconds(context.duration())),
        ExecHighCardinalityKeys.PIPELINE_STAGE_INDEX.withValue(orNone(context.stageIndex())),
        ExecHighCardinalityKeys.PIPELINE_STAGES.withValue(orNone(context.stages())));
  }

  /** The program's file name: {@code git} for {@code git} and for {@code /usr/bin/git}. */
  private static String executableName(Program program) {
    String name = program.name();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /**
   * What went wrong, for {@code error.type}: the exit status of a non-zero exit (the programs' own
   * error identifiers), {@code timeout}, {@code cancelled}, or the class of the exception.
   */
  private static @Nullable String errorType(ExecObservationContext context) {
    return switch (context.outcome()) {
      case SUCCESS, UNKNOWN -> null;
      case FAILURE -> String.valueOf(context.exitCode());
      case TIMEOUT -> "timeout";
      case CANCELLED -> "cancelled";
      case ERROR, REFUSED -> context.getError() == null ? "_OTHER" : context.getError().getClass().getName();
    };
  }

  private static String orNone(@Nullable Object value) {
    return value == null ? NONE : value.toString();
  }

  private static String seconds(@Nullable Duration duration) {
    if (duration == null) {
      return NONE;
    }
    return Seconds.of(duration);
  }
}
