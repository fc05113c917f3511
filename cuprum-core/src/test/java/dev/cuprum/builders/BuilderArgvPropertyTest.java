package dev.cuprum.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.InvalidArgumentException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BuilderArgvPropertyTest {

  private static final List<String> RSYNC_FLAGS = List.of("--archive", "--delete", "--dry-run", "--verbose", "--compress");
  private static final List<String> TAR_COMPRESSION_FLAGS = List.of("-z", "-j", "-J");
  private static final List<String> CHECKOUT_FLAGS = List.of("-b", "-B", "--detach", "--force");

  @Property
  void rsyncPassesEnabledFlagsInTheirFixedOrderThenSourceAndDestination(
      @ForAll boolean archive, @ForAll boolean delete, @ForAll boolean dryRun, @ForAll boolean verbose,
      @ForAll boolean compress, @ForAll("absolutePaths") String source, @ForAll("absolutePaths") String destination) {
    RsyncOptions options = new RsyncOptions(archive, delete, dryRun, verbose, compress, false);
    List<String> argv = Rsync.sync(source, destination, options).argv();

    List<String> flags = argv.subList(0, argv.size() - 2);
    List<Boolean> enabled = List.of(archive, delete, dryRun, verbose, compress);
    assertThat(flags).isSubsetOf(RSYNC_FLAGS).doesNotHaveDuplicates()
        .isSortedAccordingTo((a, b) -> RSYNC_FLAGS.indexOf(a) - RSYNC_FLAGS.indexOf(b));
    for (int i = 0; i < RSYNC_FLAGS.size(); i++) {
      assertThat(flags.contains(RSYNC_FLAGS.get(i))).isEqualTo(enabled.get(i));
    }
    assertThat(argv.subList(argv.size() - 2, argv.size()))
        .containsExactly(SafePath.of(source).value(), SafePath.of(destination).value());
    assertThat(Rsync.sync(Path.of(source), Path.of(destination), options).argv()).isEqualTo(argv);
  }

  @Property
  void tarCreateHasAtMostOneCompressionFlagThenTheArchiveThenTheSources(
      @ForAll Compression compression, @ForAll("absolutePaths") String archive,
      @ForAll("sourceLists") List<String> sources) {
    TarCreateOptions options = TarCreateOptions.builder().compression(compression).build();
    List<String> argv = Tar.create(archive, sources, options).argv();

    int archiveFlag = argv.indexOf("-f");
    assertThat(argv.get(0)).isEqualTo("-c");
    assertThat(argv.get(archiveFlag - 1)).isEqualTo("--force-local");
    List<String> compressionFlags = argv.subList(1, archiveFlag - 1);
    assertThat(compressionFlags).hasSizeLessThanOrEqualTo(1).isSubsetOf(TAR_COMPRESSION_FLAGS);
    assertThat(compressionFlags.isEmpty() ? null : compressionFlags.get(0)).isEqualTo(compression.tarFlag());
    assertThat(argv.get(archiveFlag + 1)).isEqualTo(SafePath.of(archive).value());
    assertThat(argv.subList(archiveFlag + 2, argv.size()))
        .isEqualTo(sources.stream().map(source -> SafePath.of(source).value()).toList());
    List<Path> sourcePaths = sources.stream().map(Path::of).toList();
    assertThat(Tar.create(Path.of(archive), sourcePaths, options).argv()).isEqualTo(argv);
  }

  @Property
  void tarExtractNamesTheArchiveThenTheOptionalDestination(
      @ForAll("absolutePaths") String archive, @ForAll("absolutePaths") String destination, @ForAll boolean withDestination) {
    List<String> argv = Tar.extract(archive, withDestination ? destination : null, false).argv();
    String archiveValue = SafePath.of(archive).value();
    if (withDestination) {
      assertThat(argv)
          .containsExactly("-x", "--force-local", "-f", archiveValue, "-C", SafePath.of(destination).value());
      assertThat(Tar.extract(Path.of(archive), Path.of(destination), false).argv()).isEqualTo(argv);
    } else {
      assertThat(argv).containsExactly("-x", "--force-local", "-f", archiveValue);
    }
  }

  @Property
  void checkoutEndsWithTheRefThenTheEndOfRefsAfterAtMostTwoFlags(
      @ForAll("refs") String ref, @ForAll boolean createBranch, @ForAll boolean detach, @ForAll boolean force) {
    if (createBranch && detach) {
      assertThatThrownBy(() -> Git.checkout(ref, true, true, force))
          .isExactlyInstanceOf(InvalidArgumentException.class)
          .hasMessage("createBranch and detach cannot both be true");
      return;
    }
    GitRefRejection rejection = GitRef.classify(ref);
    if (rejection != null) {
      assertThatThrownBy(() -> Git.checkout(ref, createBranch, detach, force)).hasMessageStartingWith(rejection.message() + ": ref = '");
      return;
    }
    List<String> argv = Git.checkout(ref, createBranch, detach, force).argv();
    assertThat(argv.get(0)).isEqualTo("checkout");
    assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly(ref, "--");
    List<String> flags = argv.subList(1, argv.size() - 2);
    assertThat(flags).hasSizeLessThanOrEqualTo(2).isSubsetOf(CHECKOUT_FLAGS);
    assertThat(flags.contains("--force") || flags.contains("-B")).isEqualTo(force);
    assertThat(flags.contains("-b") || flags.contains("-B")).isEqualTo(createBranch);
    assertThat(flags.contains("--detach")).isEqualTo(detach);
  }

  @Provide
  Arbitrary<String> absolutePaths() {
    return Fuzz.absolutePaths();
  }

  @Provide
  Arbitrary<List<String>> sourceLists() {
    return Fuzz.absolutePaths().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> refs() {
    return Fuzz.alphabetStrings();
  }
}
