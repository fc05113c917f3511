package dev.cuprum;

import java.util.List;
import java.util.Objects;

/**
 * A command ready to run: a catalogue program, its arguments and the project that owns it.
 * Immutable and compared by value. Build it with {@link Sh#make(Program)}; run it with a
 * {@link CommandExecutor}.
 *
 * <p>{@link #toString()} masks {@link Sh#secret(String) secret} arguments; so does
 * {@link #maskedArgvWithProgram()}, the form to use in logs and audit trails.
 *
 * @param program the program to run
 * @param argv the arguments, without the program
 * @param project the project that owns the program
 */
public record SafeCmd(Program program, List<String> argv, ProjectSettings project) {

  public SafeCmd {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(project, "project");
    argv = Argv.copyOf(Objects.requireNonNull(argv, "argv"));
  }

  /** The program followed by the arguments: what the process receives as its argv. */
  public List<String> argvWithProgram() {
    return ((Argv) argv).prepend(program.name());
  }

  /** {@link #argvWithProgram()} with every secret argument replaced by {@value Secret#MASK}. */
  public List<String> maskedArgvWithProgram() {
    return ((Argv) argv).prepend(program.name()).masked();
  }

  /** Whether any argument was given as a {@link Sh#secret(String) secret}. */
  public boolean hasSecrets() {
    return ((Argv) argv).hasSecrets();
  }

  /** Whether the argument at this index of {@link #argv()} was given as a secret. */
  public boolean isSecret(int argvIndex) {
    return ((Argv) argv).isSecret(argvIndex);
  }

  /** A pipeline from this command into {@code next}. */
  public Pipeline pipe(SafeCmd next) {
    return Pipeline.of(this, next);
  }

  /** A pipeline from this command into the stages of {@code next}. */
  public Pipeline pipe(Pipeline next) {
    return Pipeline.join(List.of(this), next.stages());
  }

  @Override
  public String toString() {
    return "SafeCmd[program=" + program + ", argv=" + argv + ", project=" + project.name() + "]";
  }
}
