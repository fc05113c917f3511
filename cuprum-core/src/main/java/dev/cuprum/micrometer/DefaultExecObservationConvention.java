package dev.cuprum.micrometer;

import dev.cuprum.internal.util.Seconds;
import dev.cuprum.micrometer.CuprumObservationDocumentation.ExecHighCardinalityKeys;
import dev.cuprum.micrometer.CuprumObservationDocumentation.ExecLowCardinalityKeys;
import io.micrometer.common.KeyValues;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The default names and keys of {@code cuprum.exec} observations: name {@code cuprum.exec},
 * contextual (span) name {@code cuprum.exec <program>}, low-cardinality keys {@code
 * cuprum.program}, {@code cuprum.project}, {@code cuprum.outcome} ({@code UNKNOWN} until the
 * command ends) and {@code cuprum.exit_code} ({@code none} until then), high-cardinality keys
 * {@code cuprum.argv} (masked), {@code cuprum.pid}, {@code cuprum.cwd}, {@code
 * cuprum.duration_s}, {@code cuprum.pipeline_stage_index} and {@code cuprum.pipeline_stages}.
 * Every observation carries every key, {@code none} standing for an absent value.
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
    return KeyValues.of(
        ExecHighCardinalityKeys.ARGV.withValue(String.join(" ", context.argv())),
        ExecHighCardinalityKeys.PID.withValue(context.pid() < 0 ? NONE : Long.toString(context.pid())),
        ExecHighCardinalityKeys.CWD.withValue(orNone(context.cwd())),
        ExecHighCardinalityKeys.DURATION_S.withValue(seconds(context.duration())),
        ExecHighCardinalityKeys.PIPELINE_STAGE_INDEX.withValue(orNone(context.stageIndex())),
        ExecHighCardinalityKeys.PIPELINE_STAGES.withValue(orNone(context.stages())));
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
