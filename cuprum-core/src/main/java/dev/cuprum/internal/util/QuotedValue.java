package dev.cuprum.internal.util;

/**
 * A value from a caller, quoted for an exception message: control characters are escaped, so a
 * value cannot forge log lines or hide its own content, and a long value is cut, so a message stays
 * readable whatever it was given.
 */
public final class QuotedValue {

  /** The most characters of a value a message shows; the rest is replaced by an ellipsis. */
  public static final int MAX_SHOWN = 120;

  private QuotedValue() {}

  /** {@code value} between single quotes, escaped and cut to {@value #MAX_SHOWN} characters. */
  public static String of(String value) {
    StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('\'');
    int shown = 0;
    for (int i = 0; i < value.length(); i++, shown++) {
      if (shown == MAX_SHOWN) {
        quoted.append("...");
        break;
      }
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\\' -> quoted.append("\\\\");
        case '\'' -> quoted.append("\\'");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
              || c == '\u2028' || c == '\u2029') {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('\'').toString();
  }
}
