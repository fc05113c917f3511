package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShTest {

  @Test
  void makeResolvesAtMakeTime() {
    assertThatThrownBy(() -> Sh.make(Program.of("unknown-tool")))
        .isInstanceOf(UnknownProgramException.class)
        .hasMessage("Program 'unknown-tool' is not in the catalogue allowlist");
  }

  @Test
  void buildsArgvWithProgramAndProject() {
    SafeCmd cmd = Sh.make(Programs.ECHO).args("-n", "hello world");
    assertThat(cmd.program()).isEqualTo(Programs.ECHO);
    assertThat(cmd.argv()).containsExactly("-n", "hello world");
    assertThat(cmd.argvWithProgram()).containsExactly("echo", "-n", "hello world");
    assertThat(cmd.project().name()).isEqualTo("core-ops");
  }

  @Test
  void stringifiesWithJavaSpelling() {
    assertThat(Sh.buildArgv(3, 42L, true, false, 1.5, Path.of("/tmp/x/example")))
        .containsExactly("3", "42", "true", "false", "1.5", "/tmp/x/example");
  }

  @Test
  void optionsFollowPositionalsInInsertionOrder() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("porcelain", true);
    options.put("branch", "main");
    options.put("user_id", 42);
    assertThat(Sh.buildArgv(List.of("status"), options))
        .containsExactly("status", "--porcelain=true", "--branch=main", "--user-id=42");
    assertThat(Sh.make(Programs.ECHO).args(List.of("hello"), Map.of("punctuation", "!")).argv())
        .containsExactly("hello", "--punctuation=!");
  }

  @Test
  void builderAndBuildArgvAgree() {
    Map<String, Object> options = Map.of("count", 3);
    assertThat(Sh.make(Programs.LS).args(List.of("-l", 1), options).argv())
        .isEqualTo(Sh.buildArgv(List.of("-l", 1), options));
  }

  @Test
  void nullIsRejectedNamingItsPosition() {
    assertThatThrownBy(() -> Sh.make(Programs.ECHO).args("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("null is not a valid argv element for Sh.make (positional argument 1)");
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("flag", null);
    assertThatThrownBy(() -> Sh.buildArgv(List.of(), options))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("null is not a valid argv element for Sh.make (option 'flag')");
  }

  @Test
  void nulCharactersAreRejectedWhenTheCommandIsBuilt() {
    assertThatThrownBy(() -> Sh.make(Programs.ECHO).args("ok", "bad\0arg"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("argv element 1 contains a NUL character: 'bad\\u0000arg'");
    assertThatThrownBy(() -> new SafeCmd(Programs.ECHO, List.of("x\0"), ProgramCatalogue.defaults().projectFor(Programs.ECHO)))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void collectionsAndArraysMustBeSpreadOut() {
    assertThatThrownBy(() -> Sh.buildArgv(List.of("a", "b")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("positional argument 0 is a");
    assertThatThrownBy(() -> Sh.buildArgv((Object) new String[] {"a"})).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> Sh.buildArgv(List.of(), Map.of("x", List.of(1)))).hasMessageContaining("option 'x'");
  }

  @Test
  void secretsReachTheArgvButAreMaskedEverywhereElse() {
    SafeCmd cmd = Sh.make(Programs.GIT)
        .args(List.of("clone", Sh.secret("https://user:hunter2@example.com/repo")), Map.of("token", Sh.secret("s3cr3t")));
    assertThat(cmd.argv()).containsExactly("clone", "https://user:hunter2@example.com/repo", "--token=s3cr3t");
    assertThat(cmd.maskedArgvWithProgram()).containsExactly("git", "clone", "******", "******");
    assertThat(cmd.hasSecrets()).isTrue();
    assertThat(cmd.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t").contains("******");
    assertThat(cmd.argv().toString()).doesNotContain("hunter2");
    assertThat(Sh.secret("x")).hasToString("******");
  }

  @Test
  void commandsAreValuesWhetherOrNotArgumentsWereSecret() {
    SafeCmd plain = Sh.make(Programs.ECHO).args("a", "b");
    assertThat(Sh.make(Programs.ECHO).args("a", "b")).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(Sh.make(Programs.ECHO).args("a", Sh.secret("b"))).isEqualTo(plain);
    assertThat(Sh.make(Programs.ECHO).args("a")).isNotEqualTo(plain);
    assertThatThrownBy(() -> plain.argv().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void pipelinesFlattenAndComposeAssociatively() {
    SafeCmd a = Sh.make(Programs.ECHO).args("a");
    SafeCmd b = Sh.make(Programs.LS).args();
    SafeCmd c = Sh.make(Programs.TAR).args("-t");
    Pipeline left = a.pipe(b).pipe(c);
    Pipeline right = a.pipe(b.pipe(c));
    assertThat(left).isEqualTo(right).isEqualTo(Pipeline.of(a, b, c));
    assertThat(left.stages()).containsExactly(a, b, c);
    assertThat(a.pipe(b).pipe(Pipeline.of(c, a)).stages()).containsExactly(a, b, c, a);
    assertThat(left).hasToString("Pipeline[echo a | ls | tar -t]");
  }

  @Test
  void pipelinesNeedTwoStages() {
    SafeCmd a = Sh.make(Programs.ECHO).args("a");
    assertThatThrownBy(() -> Pipeline.of(a))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("Pipeline must contain at least two stages");
    assertThatThrownBy(() -> Pipeline.of(List.of())).hasMessage("Pipeline must contain at least two stages");
  }
}
