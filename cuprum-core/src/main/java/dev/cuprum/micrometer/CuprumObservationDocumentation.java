package dev.cuprum.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations Cuprum records: one {@code cuprum.exec} per command, and a parent
 * {@code cuprum.pipeline} or {@code cuprum.batch} whose children are the commands of a pipeline
 * or batch (also when they run on other threads).
 */
public enum CuprumObservationDocumentation implements ObservationDocumentation {

  /**
   * One command, from just before its spawn to its exit: timer {@code cuprum.exec}, span
   * {@code cuprum.exec <program>} of kind CLIENT, whose trace context the child inherits.
   */
  EXEC {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultExecObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return ExecLowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return ExecHighCardinalityKeys.values();
    }
  },

  /** A pipeline, from the first spawn to the last exit; its stages are its children. */
  PIPELINE {
    @Override
    public String getName() {
      return "cuprum.pipeline";
    }

    @Override
    public String getContextualName() {
      return "cuprum.pipeline";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {CompositeLowCardinalityKeys.OUTCOME};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {CompositeHighCardinalityKeys.PIPELINE_STAGES};
    }
  },

  /** A concurrent batch; its commands are its children. */
  BATCH {
    @Override
    public String getName() {
      return "cuprum.batch";
    }

    @Override
    public String getContextualName() {
      return "cuprum.batch";
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return new KeyName[] {CompositeLowCardinalityKeys.OUTCOME};
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {CompositeHighCardinalityKeys.BATCH_SIZE, CompositeHighCardinalityKeys.CONCURRENCY};
    }
  };

  /** Low-cardinality keys of {@code cuprum.exec}: metric tags and span attributes. */
  public enum ExecLowCardinalityKeys implements KeyName {
    /** The program name. */
    PROGRAM("cuprum.program"),
    /** The project that owns the program. */
    PROJECT("cuprum.project"),
    /** An {@link ExecOutcome}; {@code UNKNOWN} until the command ends. */
    OUTCOME("cuprum.outcome"),
    /** The exit status; {@code none} until the command ends. */
    EXIT_CODE("cuprum.exit_code");

    private final String key;

    ExecLowCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /**
   * High-cardinality keys of {@code cuprum.exec}: span attributes only. The {@code process.*} and
   * {@code error.type} keys are those of OpenTelemetry's semantic conventions for CLI client
   * spans; a key without a value (no pid before the process started, no exit code, no error) is
   * left out.
   */
  public enum ExecHighCardinalityKeys implements KeyName {
    /** The name of the executable: the program's file name. */
    EXECUTABLE_NAME("process.executable.name"),
    /** The process id. */
    PID("process.pid"),
    /** The exit status. */
    EXIT_CODE("process.exit.code"),
    /**
     * The argv with program, secrets masked, joined by spaces; only with
     * {@link ObservationOptions#recordArgv()}.
     */
    COMMAND_ARGS("process.command_args"),
    /**
     * What went wrong: the exit status of a non-zero exit, {@code timeout}, {@code cancelled}, or
     * the class name of the exception that ended the run or refused it.
     */
    ERROR_TYPE("error.type"),
    /** The working directory, or {@code none}. */
    CWD("cuprum.cwd"),
    /** Seconds from spawn to exit; {@code none} until the command ends. */
    DURATION_S("cuprum.duration_s"),
    /** The stage index within a pipeline, or {@code none}. */
    PIPELINE_STAGE_INDEX("cuprum.pipeline_stage_index"),
    /** The number of stages of the pipeline, or {@code none}. */
    PIPELINE_STAGES("cuprum.pipeline_stages");

    private final String key;

    ExecHighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** Low-cardinality keys of {@code cuprum.pipeline} and {@code cuprum.batch}. */
  public enum CompositeLowCardinalityKeys implements KeyName {
    /** {@code SUCCESS}, {@code FAILURE} (a command failed), {@code TIMEOUT}, {@code CANCELLED}, {@code ERROR}; {@code UNKNOWN} until the end. */
    OUTCOME("cuprum.outcome");

    private final String key;

    CompositeLowCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** High-cardinality keys of {@code cuprum.pipeline} and {@code cuprum.batch}. */
  public enum CompositeHighCardinalityKeys implements KeyName {
    /** The number of stages of a pipeline. */
    PIPELINE_STAGES("cuprum.pipeline_stages"),
    /** The number of commands of a batch. */
    BATCH_SIZE("cuprum.batch_size"),
    /** The batch's concurrency limit, or {@code none}. */
    CONCURRENCY("cuprum.concurrency");

    private final String key;

    CompositeHighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }
}
