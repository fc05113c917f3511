package dev.cuprum.builders;

import java.util.Locale;

/**
 * How rsync, GNU tar and scp decide that a command-line path names a remote location, restated
 * from each program's parsing rules, so that tests can judge a value the way the programs will.
 */
final class RemoteForms {

  private static final String RSYNC_URL = "rsync://";

  private RemoteForms() {}

  /**
   * rsync: {@code rsync://host[:port]/module...}, or a host part ending at a {@code :} (one for a
   * remote shell, two for a daemon) before any {@code /}. The host part may hold
   * {@code user@} and a bracketed IPv6 address; an empty host still counts.
   */
  static boolean rsyncRemote(String arg) {
    if (arg.toLowerCase(Locale.ROOT).startsWith(RSYNC_URL) && rsyncHost(arg.substring(RSYNC_URL.length()), true)) {
      return true;
    }
    return rsyncHost(arg, false);
  }

  /** GNU tar without {@code --force-local}: a {@code :} after the first character, with no {@code /} before it. */
  static boolean tarRemote(String archive) {
    int colon = archive.indexOf(':');
    return colon > 0 && archive.substring(0, colon).indexOf('/') < 0;
  }

  /**
   * scp: a {@code :} before any {@code /}, except in first place, or after a bracketed host
   * ({@code [v6]:path}, {@code user@[v6]:path}).
   */
  static boolean scpRemote(String arg) {
    if (arg.startsWith(":")) {
      return false;
    }
    boolean bracketed = arg.startsWith("[");
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      char next = i + 1 < arg.length() ? arg.charAt(i + 1) : '\0';
      if (c == '@' && next == '[') {
        bracketed = true;
      }
      if (c == ']' && next == ':' && bracketed) {
        return true;
      }
      if (c == ':' && !bracketed) {
        return true;
      }
      if (c == '/') {
        return false;
      }
    }
    return false;
  }

  /** Whether rsync finds a host specification at the start of {@code text}. */
  private static boolean rsyncHost(String text, boolean url) {
    int hostStart = 0;
    for (int i = 0; ; i++) {
      if (i == text.length()) {
        return url;
      }
      char c = text.charAt(i);
      if (c == ':' || c == '/') {
        if (c == '/') {
          return url;
        }
        if (!url) {
          return true;
        }
        int end = i + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
          end++;
        }
        return end == text.length() || text.charAt(end) == '/';
      }
      if (c == '@') {
        hostStart = i + 1;
      } else if (c == '[') {
        if (i != hostStart) {
          return false;
        }
        int close = i + 1;
        while (close < text.length() && text.charAt(close) != ']' && text.charAt(close) != '/') {
          close++;
        }
        boolean closed = close < text.length() && text.charAt(close) == ']';
        char after = close + 1 < text.length() ? text.charAt(close + 1) : '\0';
        if (!closed || close == i + 1 || (after != '\0' && after != '/' && after != ':')) {
          return false;
        }
        i = close;
      }
    }
  }
}
