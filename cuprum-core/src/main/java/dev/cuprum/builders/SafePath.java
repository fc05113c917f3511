package dev.cuprum.builders;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.internal.util.QuotedValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A path that is safe to hand to a program as an argument: not empty, free of NUL characters and
 * {@code ..} components, absolute unless relative paths were allowed, never read as a remote
 * location, and never starting with {@code -}.
 *
 * <p>The checks run in the order of {@link PathRejection} and the first that fails is thrown as
 * {@link InvalidPathException}. A path is absolute when it starts with {@code /}. A Windows drive
 * form such as {@code C:/x} or {@code C:\x} is refused on every operating system
 * ({@link PathRejection#DRIVE_LETTER}): on POSIX it is a relative name, and rsync, tar and scp
 * read its {@code C:} as a host.
 *
 * <p>The value is normalised the POSIX way: repeated slashes collapse, except that a leading
 * {@code //} (exactly two) is kept; {@code .} components and a trailing slash are removed; a path
 * of only {@code .} components is {@code "."}. Backslashes are ordinary characters. So
 * {@code /tmp/./x//y/} becomes {@code /tmp/x/y}. Normalising is idempotent and never turns an
 * acceptable path into a refused one.
 *
 * <p>Relative paths are refused unless asked for, because what they name depends on the working
 * directory of each run. When they are allowed, two forms are still refused, both judged on the
 * normalised value, which is what reaches the program:
 *
 * <ul>
 *   <li>a {@code :} before the first {@code /} ({@link PathRejection#REMOTE_LOCATION}), such as
 *       {@code host:x}, {@code user@host:/x}, {@code host::module/x} or {@code rsync://host/x}:
 *       rsync would start {@code ssh} or connect to a daemon, tar would open a remote archive
 *       through {@code rsh}, scp would copy over the network. {@code ./a:b} normalises to
 *       {@code a:b} and is refused too; name such a file by its absolute path.
 *   <li>a leading {@code -} ({@link PathRejection#LEADING_DASH}), such as {@code -rf} or
 *       {@code ./-rf}: a program would read it as an option.
 * </ul>
 *
 * <p>An absolute path starts with {@code /}, so it can be neither an option nor a remote
 * location: no {@code SafePath} can make a builder connect anywhere or read it as an option.
 *
 * <p>A {@link Path} is converted to its string form first. Java's Unix paths already collapse
 * repeated slashes, a leading {@code //} included, so {@code Path.of("//srv/x")} gives
 * {@code /srv/x} whereas the string {@code "//srv/x"} keeps its two slashes.
 *
 * @param value the normalised path; the canonical constructor accepts what
 *     {@link #of(String, boolean) of(value, true)} accepts and normalises it the same way
 */
public record SafePath(String value) {

  private static final String INPUT = "input";

  public SafePath {
    Objects.requireNonNull(value, "value");
    PathRejection rejection = classify(value, true);
    if (rejection != null) {
      throw new InvalidPathException(rejection, value, null);
    }
    value = normalise(value);
  }

  /**
   * An absolute path.
   *
   * @throws InvalidPathException when the path is empty, contains NUL or {@code ..} components, or
   *     is not absolute
   */
  public static SafePath of(String path) {
    return of(path, false);
  }

  /**
   * An absolute path, from {@code path.toString()}.
   *
   * @throws InvalidPathException when the path is empty, contains {@code ..} components, or is
   *     not absolute
   */
  public static SafePath of(Path path) {
    return of(path, false);
  }

  /**
   * A path, relative ones too when {@code allowRelative}.
   *
   * @throws InvalidPathException when {@link #classify(String, boolean)} reports a rejection, with
   *     that rejection's message
   */
  public static SafePath of(String path, boolean allowRelative) {
    return of(path, allowRelative, null);
  }

  /**
   * A path from {@code path.toString()}, relative ones too when {@code allowRelative}.
   *
   * @throws InvalidPathException when {@link #classify(String, boolean)} reports a rejection for the
   *     path's string form
   */
  public static SafePath of(Path path, boolean allowRelative) {
    return of(Objects.requireNonNull(path, "path").toString(), allowRelative);
  }

  /**
   * A path under {@code root} named by {@code input}, an untrusted value: a path relative to the
   * root, or an absolute path inside it. What escapes the root is refused with
   * {@link PathRejection#OUTSIDE_ROOT}: any {@code ..} component (which a symbolic link can send
   * anywhere, so none is trusted, even {@code a/../b}), an absolute path outside the root, and a
   * path that leads out through a symbolic link. Links are resolved at the deepest part of the
   * path that exists, and the part that does not exist yet is appended to it; a link that points
   * nowhere is refused, since what it would create cannot be known.
   *
   * <p>The result is the real, absolute path, with the links of its existing part resolved, so a
   * program is handed the location that was checked. The check holds at the time of the call: a
   * link created inside the root afterwards by someone else is not seen, so the root should be a
   * directory that untrusted parties cannot write to.
   *
   * @param root an existing directory; relative to the working directory when not absolute
   * @param input the untrusted path
   * @throws InvalidPathException when {@code input} is empty, contains NUL or escapes the root;
   *     the exception names the argument {@code input}
   * @throws InvalidArgumentException when {@code root} does not exist, is not a directory or
   *     cannot be read
   */
  public static SafePath within(Path root, String input) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(input, "input");
    PathRejection early = input.isEmpty() ? PathRejection.EMPTY
        : input.indexOf('\0') >= 0 ? PathRejection.NUL : null;
    if (early != null) {
      throw new InvalidPathException(early, input, INPUT);
    }
    for (String component : input.split("/", -1)) {
      if (component.equals("..")) {
        throw new InvalidPathException(PathRejection.OUTSIDE_ROOT, input, INPUT);
      }
    }
    Path given = root.toAbsolutePath().normalize();
    Path realRoot = realDirectory(root);
    Path lexical = given.resolve(input).normalize();
    if (!lexical.startsWith(given)) {
      throw new InvalidPathException(PathRejection.OUTSIDE_ROOT, input, INPUT);
    }
    Path resolved = resolveExisting(realRoot.resolve(given.relativize(lexical)), input);
    if (!resolved.startsWith(realRoot)) {
      throw new InvalidPathException(PathRejection.OUTSIDE_ROOT, input, INPUT);
    }
    return new SafePath(resolved.toString());
  }

  /**
   * The first check {@code raw} fails, or null when {@link #of(String, boolean)} would accept it.
   * Never throws for any string: use it to test input without catching exceptions.
   */
  public static @Nullable PathRejection classify(String raw, boolean allowRelative) {
    Objects.requireNonNull(raw, "raw");
    if (raw.isEmpty()) {
      return PathRejection.EMPTY;
    }
    if (raw.indexOf('\0') >= 0) {
      return PathRejection.NUL;
    }
    for (String component : raw.split("/", -1)) {
      if (component.equals("..")) {
        return PathRejection.PARENT_SEGMENT;
      }
    }
    String normalised = normalise(raw);
    if (startsWithDrive(normalised)) {
      return PathRejection.DRIVE_LETTER;
    }
    if (normalised.startsWith("/")) {
      return null;
    }
    if (!allowRelative) {
      return PathRejection.NOT_ABSOLUTE;
    }
    if (readsAsRemote(normalised)) {
      return PathRejection.REMOTE_LOCATION;
    }
    return normalised.startsWith("-") ? PathRejection.LEADING_DASH : null;
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@link #of(String, boolean)} for a builder, whose exception names {@code argument}. */
  static SafePath of(String path, boolean allowRelative, @Nullable String argument) {
    Objects.requireNonNull(path, argument == null ? "path" : argument);
    PathRejection rejection = classify(path, allowRelative);
    if (rejection != null) {
      throw new InvalidPathException(rejection, path, argument);
    }
    return new SafePath(path);
  }

  private static Path realDirectory(Path root) {
    Path real;
    try {
      real = root.toRealPath();
    } catch (IOException e) {
      throw new InvalidArgumentException("SafePath.within needs an existing root directory: "
          + QuotedValue.of(root.toString()) + " cannot be resolved (" + e + ")", e);
    }
    if (!Files.isDirectory(real)) {
      throw new InvalidArgumentException(
          "SafePath.within needs a root directory: " + QuotedValue.of(root.toString()) + " is not one");
    }
    return real;
  }

  /**
   * {@code path} with its deepest existing ancestor replaced by that ancestor's real path. The
   * ancestor is found without following links, so a link that points nowhere is seen, and refused.
   */
  private static Path resolveExisting(Path path, String input) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path));
    } catch (IOException e) {
      throw new InvalidPathException(PathRejection.OUTSIDE_ROOT, input, INPUT);
    }
  }

  /**
   * Whether rsync ({@code host:path}, {@code host::module}, {@code rsync://}), GNU tar ({@code host:archive})
   * or scp ({@code host:path}, {@code [v6]:path}) would take the path for a remote location: all of them
   * look for a {@code :} that comes before any {@code /}.
   */
  private static boolean readsAsRemote(String path) {
    int colon = path.indexOf(':');
    if (colon < 0) {
      return false;
    }
    int slash = path.indexOf('/');
    return slash < 0 || colon < slash;
  }

  /** A letter, a colon, then a separator or nothing: {@code C:/x}, {@code C:\x}, {@code C:}. */
  private static boolean startsWithDrive(String path) {
    if (path.length() < 2 || path.charAt(1) != ':') {
      return false;
    }
    char letter = path.charAt(0);
    boolean asciiLetter = (letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z');
    return asciiLetter && (path.length() == 2 || path.charAt(2) == '/' || path.charAt(2) == '\\');
  }

  private static String normalise(String path) {
    String root;
    if (path.startsWith("//") && !path.startsWith("///")) {
      root = "//";
    } else if (path.startsWith("/")) {
      root = "/";
    } else {
      root = "";
    }
    List<String> kept = new ArrayList<>();
    for (String component : path.split("/")) {
      if (!component.isEmpty() && !component.equals(".")) {
        kept.add(component);
      }
    }
    String joined = root + String.join("/", kept);
    return joined.isEmpty() ? "." : joined;
  }
}
