package dev.cuprum.sample.web;

import dev.cuprum.builders.InvalidPathException;
import dev.cuprum.builders.PathRejection;
import dev.cuprum.builders.SafePath;
import dev.cuprum.sample.config.SampleProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The directories {@code sample.git.roots} lets git status look at: each root and everything
 * below it, as {@link SafePath#within(Path, String)} confines them, so that neither {@code ..}
 * nor a symbolic link can lead outside them. The repository of a directory is looked for here too, never above its root, so
 * that a directory that is no repository cannot report one that encloses the root.
 */
@Component
final class GitRoots {

  private final List<Path> roots;

  /**
   * @throws IllegalStateException when a root is not an absolute path to an existing directory,
   *     so that a mistyped root stops the application rather than refusing every request
   */
  GitRoots(SampleProperties properties) {
    List<Path> configured = properties.git().roots();
    List<Path> real = new ArrayList<>(configured.size());
    for (int i = 0; i < configured.size(); i++) {
      Path root = configured.get(i);
      String property = "sample.git.roots[" + i + "]=" + root;
      if (!root.isAbsolute()) {
        throw new IllegalStateException(property + " must be an absolute path");
      }
      try {
        Path resolved = root.toRealPath();
        if (!Files.isDirectory(resolved)) {
          throw new IllegalStateException(property + " is not a directory");
        }
        real.add(resolved);
      } catch (IOException e) {
        throw new IllegalStateException(property + " is not an existing directory (" + e + ")", e);
      }
    }
    this.roots = List.copyOf(real);
  }

  /**
   * The real path of a requested directory under one of the roots, confined by
   * {@link SafePath#within(Path, String)}.
   *
   * @throws BadRequestException when the path is missing, not absolute, contains {@code ..}
   *     segments, resolves outside every root, does not exist or is not a directory
   */
  Path resolve(@Nullable String dir) {
    if (dir == null) {
      throw new BadRequestException("query parameter 'dir' is required");
    }
    PathRejection rejection = SafePath.classify(dir, false);
    if (rejection != null) {
      throw new BadRequestException("dir " + reason(rejection));
    }
    Path real = roots.stream().map(root -> confined(root, dir)).filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new BadRequestException("dir " + dir + " is outside the configured git roots"));
    if (!Files.exists(real)) {
      throw new BadRequestException("dir " + dir + " does not exist");
    }
    if (!Files.isDirectory(real)) {
      throw new BadRequestException("dir " + dir + " is not a directory");
    }
    return real;
  }

  private static @Nullable Path confined(Path root, String dir) {
    try {
      return Path.of(SafePath.within(root, dir).value());
    } catch (InvalidPathException outside) {
      return null;
    }
  }

  /**
   * The repository a directory returned by {@link #resolve(String)} belongs to: the nearest
   * directory, from this one up to the outermost root holding it, that has a {@code .git}
   * directory of its own.
   *
   * @throws BadRequestException when there is none, when the nearest {@code .git} is a file or a
   *     link (a linked work tree or a submodule, whose git directory may lie anywhere), or when the
   *     git directory reads objects or refs from elsewhere ({@code objects/info/alternates},
   *     {@code commondir})
   */
  GitRepository repositoryOf(Path directory) {
    Path root = roots.stream().filter(directory::startsWith).min(Comparator.comparingInt(Path::getNameCount))
        .orElseThrow(() -> new IllegalArgumentException(directory + " is not under a root"));
    Path candidate = directory;
    while (true) {
      Path dotGit = candidate.resolve(".git");
      if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        for (String elsewhere : List.of("commondir", "objects/info/alternates")) {
          if (Files.exists(dotGit.resolve(elsewhere), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadRequestException("the repository of dir " + directory + " reads from another directory ("
                + ".git/" + elsewhere + "); it is refused");
          }
        }
        return new GitRepository(candidate, dotGit);
      }
      if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadRequestException("the repository of dir " + directory + " has a .git file or link, which may "
            + "lead outside the configured git roots; only repositories with a .git directory are supported");
      }
      if (candidate.equals(root)) {
        throw new BadRequestException("dir " + directory
            + " is not inside a git repository under the configured git roots");
      }
      candidate = candidate.getParent();
    }
  }

  private static String reason(PathRejection rejection) {
    return switch (rejection) {
      case EMPTY -> "must not be empty";
      case NUL -> "must not contain NUL characters";
      case PARENT_SEGMENT -> "must not contain '..' segments";
      case DRIVE_LETTER, NOT_ABSOLUTE, REMOTE_LOCATION, LEADING_DASH -> "must be an absolute path";
      case OUTSIDE_ROOT -> "is outside the configured git roots";
    };
  }
}
