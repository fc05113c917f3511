package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever path values the builders are given, the real rsync and tar stay on this host: no
 * remote shell starts and no rsync daemon is contacted.
 *
 * <p>The runs get a {@code PATH} whose first directory holds a fake {@code ssh} and {@code rsh}
 * that record that they ran, tar is told to use that fake as its remote shell, and rsync's daemon
 * connections go through {@code RSYNC_PROXY} to a socket of this test that counts them. Nothing
 * leaves the machine either way. Generated absolute paths are moved under the test's directory,
 * so that no run touches the rest of the file system; every relative path resolves there too.
 */
class BuildersStayLocalPropertyTest {

  private static final CommandExecutor EXECUTOR = CommandExecutor.create();
  /** Starts that rsync, tar or scp read as remote, or that SafePath treats specially. */
  private static final List<String> STARTS = List.of("", "C:", "c:/tmp/", "C:\\", "localhost:", "127.0.0.1:",
      "user@localhost:", "localhost::", "evil.example::mod/", "rsync://localhost/", "RSYNC://127.0.0.1:873/",
      "[::1]:", "user@[::1]:", ":", "./localhost:", "a/", "/", "//localhost:", "-", "./");

  private static Path work;
  private static Path marker;
  private static ServerSocket daemon;
  private static final AtomicInteger DAEMON_CONNECTIONS = new AtomicInteger();
  private static Map<String, String> env;

  @BeforeContainer
  static void createFakesAndTheDaemonSocket() throws IOException {
    work = Files.createTempDirectory("cuprum-stay-local");
    marker = work.resolve("remote-shell-ran");
    Path bin = Files.createDirectory(work.resolve("bin"));
    for (String shell : List.of("ssh", "rsh")) {
      Path fake = bin.resolve(shell);
      Files.writeString(fake, "#!/bin/sh\necho \"$0 $*\" >> '" + marker + "'\nexit 1\n");
      Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    for (String file : List.of("a", "b", "ab")) {
      Files.writeString(work.resolve(file), file + "\n");
    }
    Files.createDirectory(work.resolve("d"));
    daemon = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(BuildersStayLocalPropertyTest::countConnections, "fake-rsync-daemon");
    acceptor.setDaemon(true);
    acceptor.start();
    env = Map.of(
        "PATH", bin + ":" + Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"),
        "RSYNC_PROXY", "127.0.0.1:" + daemon.getLocalPort(),
        "TAR_OPTIONS", "--rsh-command=" + bin.resolve("ssh"),
        "LC_ALL", "C");
  }

  @AfterContainer
  static void removeEverything() throws IOException {
    if (daemon != null) {
      daemon.close();
    }
    if (work != null) {
      try (Stream<Path> tree = Files.walk(work)) {
        tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Property(tries = 200)
  void rsyncNeverStartsARemoteShellNorReachesADaemon(
      @ForAll("paths") String source, @ForAll("paths") String destination, @ForAll boolean allowRelative) {
    assumeTrue(InstalledPrograms.has("rsync"), "rsync is not installed");
    // A dry run still starts the remote side of a transfer, but writes nothing here.
    RsyncOptions options = RsyncOptions.builder().dryRun(true).allowRelative(allowRelative).build();
    runIfBuilt(() -> Rsync.sync(underWork(source), underWork(destination), options));
  }

  @Property(tries = 200)
  void tarCreateNeverOpensARemoteArchive(
      @ForAll("paths") String archive, @ForAll("paths") String source, @ForAll boolean allowRelative) {
    assumeTrue(InstalledPrograms.has("tar"), "tar is not installed");
    TarCreateOptions options = TarCreateOptions.builder().allowRelative(allowRelative).build();
    runIfBuilt(() -> Tar.create(underWork(archive), List.of(underWork(source)), options));
  }

  @Property(tries = 200)
  void tarExtractNeverOpensARemoteArchive(
      @ForAll("paths") String archive, @ForAll("paths") String destination, @ForAll boolean allowRelative) {
    assumeTrue(InstalledPrograms.has("tar"), "tar is not installed");
    runIfBuilt(() -> Tar.extract(underWork(archive), underWork(destination), allowRelative));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> remoteLooking = Combinators.combine(
            Arbitraries.of(STARTS), Arbitraries.strings().withChars("ab/.:@-").ofMaxLength(6))
        .as(String::concat);
    Arbitrary<String> local = Arbitraries.of("a", "b", "ab", "d", "d/a", "./a", "/a", "/d/", "/b:c", "d/x:y");
    return Arbitraries.frequencyOf(Tuple.of(4, remoteLooking), Tuple.of(2, Fuzz.anyStrings()), Tuple.of(3, local));
  }

  private static void runIfBuilt(Supplier<SafeCmd> builder) {
    SafeCmd cmd;
    try {
      cmd = builder.get();
    } catch (InvalidPathException refused) {
      Statistics.label("built").collect(false);
      return;
    }
    Statistics.label("built").collect(true);
    Statistics.label("built").coverage(checker -> checker.check(true).count(runs -> runs >= 10));
    // Each try judges its own run, so that shrinking finds the value that made the connection.
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DAEMON_CONNECTIONS.set(0);
    // TAR_OPTIONS names a program, so the overlay must allow it by name.
    ExecutionContext context = ExecutionContext.builder().cwd(work).env(env).allowEnvKeys("TAR_OPTIONS").build();
    EXECUTOR.run(cmd, RunOptions.builder().context(context).timeout(Duration.ofSeconds(30)).build());
    assertThat(marker).as("a remote shell ran for %s", cmd.argvWithProgram()).doesNotExist();
    assertThat(DAEMON_CONNECTIONS).as("an rsync daemon was contacted for %s", cmd.argvWithProgram()).hasValue(0);
  }

  /** An absolute path moved under the test's directory; anything else unchanged. */
  private static String underWork(String path) {
    return path.startsWith("/") ? work + path : path;
  }

  private static void countConnections() {
    while (!daemon.isClosed()) {
      try (Socket connection = daemon.accept()) {
        DAEMON_CONNECTIONS.incrementAndGet();
      } catch (IOException closed) {
        if (!daemon.isClosed()) {
          throw new UncheckedIOException(closed);
        }
      }
    }
  }
}
