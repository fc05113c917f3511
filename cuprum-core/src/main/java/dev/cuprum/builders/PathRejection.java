package dev.cuprum.builders;

/**
 * Why {@link SafePath} refused a string. The checks run in declaration order and the first that
 * fails is reported; {@link #OUTSIDE_ROOT} is checked by {@link SafePath#within} alone.
 *
 * <p>{@link #DRIVE_LETTER} and {@link #REMOTE_LOCATION} go beyond the Python library, which takes
 * {@code C:/x} as absolute and accepts {@code host:path}: on POSIX both are relative names that
 * rsync, tar and scp read as a remote host, which would turn a local copy into a network transfer
 * through {@code ssh} or the rsync daemon protocol.
 */
public enum PathRejection {

  /** The string is empty. */
  EMPTY("SafePath cannot be empty"),
  /** The string contains a NUL character, which no operating system passes on. */
  NUL("SafePath cannot contain NUL characters"),
  /** A {@code /}-separated component is exactly {@code ..}. */
  PARENT_SEGMENT("SafePath cannot contain '..' segments"),
  /**
   * The normalised path is or starts with a Windows drive: {@code C:}, {@code C:/...} or
   * {@code C:\...}. On POSIX it is a relative name whose {@code C:} rsync, tar and scp read as
   * host {@code C}. Checked before {@link #NOT_ABSOLUTE}, whatever {@code allowRelative} says.
   */
  DRIVE_LETTER("SafePath cannot start with a drive letter such as 'C:/': it is not an absolute path on POSIX, "
      + "and rsync, tar and scp read it as a remote host"),
  /** Relative paths were not allowed and the path does not start with {@code /}. */
  NOT_ABSOLUTE("SafePath requires an absolute path by default"),
  /**
   * The normalised relative path has a {@code :} before its first {@code /} (or has a {@code :}
   * and no {@code /}), the form rsync, tar and scp read as a remote location: {@code host:path},
   * {@code user@host:path}, {@code host::module}, {@code rsync://host/module}, {@code [::1]:path}.
   * An absolute path never has this form.
   */
  REMOTE_LOCATION("SafePath cannot have a ':' before its first '/': rsync, tar and scp read it as a remote "
      + "location (host:path, host::module, rsync://); give an absolute path"),
  /** The normalised relative path starts with {@code -}, so a program would read it as an option. */
  LEADING_DASH("SafePath cannot start with '-'"),
  /**
   * {@link SafePath#within(java.nio.file.Path, String)} only: the input leads out of the root,
   * through a {@code ..} component, as an absolute path elsewhere, or through a symbolic link.
   */
  OUTSIDE_ROOT("SafePath must stay inside its root directory");

  private final String message;

  PathRejection(String message) {
    this.message = message;
  }

  /** The message of the {@link InvalidPathException} thrown for this rejection. */
  public String message() {
    return message;
  }
}
