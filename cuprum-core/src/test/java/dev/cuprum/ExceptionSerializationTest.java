package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.builders.GitRefRejection;
import dev.cuprum.builders.InvalidGitRefException;
import dev.cuprum.builders.InvalidPathException;
import dev.cuprum.builders.PathRejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exceptions cross serialization boundaries (remote calls, forked test or benchmark JVMs) whole. */
class ExceptionSerializationTest {

  private static final Program GIT = Program.of("git");

  static Stream<CuprumException> exceptions() {
    return Stream.of(
        new CuprumException("plain"),
        new InvalidArgumentException("bad argument"),
        new UnknownProgramException(GIT),
        new ForbiddenProgramException(GIT, RefusalReason.CATALOGUE),
        new DuplicateProgramException(GIT, "core-ops"),
        new DuplicateProjectException("core-ops"),
        new InvalidNoiseRuleException("core-ops", "(", new PatternSyntaxException("Unclosed group", "(", 1)),
        new InvalidWorkingDirectoryException(Path.of("/nonexistent")),
        new OutputDecodingException("stdout", StandardCharsets.UTF_8, new CharacterCodingException()),
        new ProcessStartException(GIT, new IOException("error=2, No such file or directory")),
        new CommandCancelledException(List.of("git", "status"), null),
        new TimeoutExpiredException(List.of("git", "fetch"), Duration.ofMillis(1500), "partial", null),
        new InvalidPathException(PathRejection.NUL, "/tmp/a\0b", "archive"),
        new InvalidGitRefException(GitRefRejection.EMPTY, "", null),
        new ExecutorShutdownException("Command [git, fetch] was ended: the executor shut down"),
        new NonZeroExitException(new CommandResult(GIT, List.of("fetch"), 128, 42, "", "fatal: no remote\n",
            Duration.ofMillis(20), false, Termination.NONE)));
  }

  @ParameterizedTest
  @MethodSource("exceptions")
  void survivesARoundTripWithItsMessage(CuprumException original) throws Exception {
    Throwable copy = roundTrip(original);
    assertThat(copy).isInstanceOf(original.getClass()).hasMessage(original.getMessage());
  }

  @Test
  void programsSurviveTheRoundTrip() throws Exception {
    assertThat(roundTrip(new ProcessStartException(GIT, new IOException("gone"))).program()).isEqualTo(GIT);
    assertThat(roundTrip(new ForbiddenProgramException(GIT, RefusalReason.SCOPE)).reason()).isEqualTo(RefusalReason.SCOPE);
    assertThat(roundTrip(new UnknownProgramException(GIT)).program()).isEqualTo(GIT);
  }

  @Test
  void theResultOfANonZeroExitSurvivesWithItsSecretsStillMasked() throws Exception {
    SafeCmd cmd = Sh.make(GIT).args("push", Sh.secret("https://user:hunter22@example.com/repo"));
    CommandResult result = new CommandResult(cmd.program(), cmd.argv(), 1, 7, null, "denied\n", Duration.ZERO, false,
        Termination.NONE);

    CommandResult copy = roundTrip(new NonZeroExitException(result)).result();

    assertThat(copy).isEqualTo(result);
    assertThat(copy.toString()).doesNotContain("hunter22").contains("******");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T roundTrip(T original) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
