package dev.challengesuite.http.render;

import java.nio.charset.StandardCharsets;

/**
 * JSON string literals for the pre-rendered parts of responses. Used at startup and on error
 * paths only: the hot paths copy the bytes produced here.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** {@code value} as a quoted JSON string literal; null is rendered as {@code ""}. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value == null ? 2 : value.length() + 8);
    appendQuoted(out, value);
    return out.toString();
  }

  /** Appends {@code value} as a quoted JSON string literal; null is rendered as {@code ""}. */
  public static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    if (value != null) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
              // Lone surrogates are escaped so that UTF-8 encoding cannot turn them into '?'.
              unicodeEscape(out, c);
            } else {
              out.append(c);
            }
          }
        }
      }
    }
    out.append('"');
  }

  /** UTF-8 bytes of {@code text} (lossless for text built by this class). */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isLoneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
