package dev.challengesuite.rewards.ags;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes one URL path segment (RFC 3986): everything but unreserved characters, so user
 * ids and currency codes with '/', '?', '#', '%', '+', spaces or non-ASCII stay one segment.
 * ({@code URLEncoder} is form encoding and would turn a space into '+'.)
 */
final class PathSegment {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {}

  static String encode(String segment) {
    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      // servers normalise dot segments (even encoded ones), which would change the resource
      throw new IllegalArgumentException("not a usable path segment: '" + segment + "'");
    }
    StringBuilder out = new StringBuilder(segment.length() + 8);
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
