package dev.challengesuite.http.render;

import java.time.Instant;

/**
 * Writes the per-request parts of a response (numbers, booleans, timestamps, constant fragments)
 * into a caller-sized byte array without allocating. Every method returns the position after what
 * it wrote; callers size the array with the bounds declared here.
 */
public final class ByteWriter {

  /** Longest output of {@link #writeInt}: {@code -2147483648}. */
  public static final int MAX_INT_BYTES = 11;

  /**
   * Longest output of {@link #writeTimestamp}: {@code -1000000000-01-01T00:00:00Z}. Every instant a
   * real clock produces takes 20 bytes; years outside 0..9999 are signed, as in ISO 8601.
   */
  public static final int MAX_TIMESTAMP_BYTES = 27;

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private ByteWriter() {}

  public static int write(byte[] dst, int pos, byte[] fragment) {
    System.arraycopy(fragment, 0, dst, pos, fragment.length);
    return pos + fragment.length;
  }

  public static int writeBoolean(byte[] dst, int pos, boolean value) {
    return write(dst, pos, value ? TRUE : FALSE);
  }

  /** Decimal digits of {@code value}. */
  public static int writeInt(byte[] dst, int pos, int value) {
    long v = value;
    if (v < 0) {
      dst[pos++] = '-';
      v = -v;
    }
    return digits(dst, pos, v, decimalWidth(v));
  }

  /**
   * {@code at} as {@code yyyy-MM-dd'T'HH:mm:ss'Z'} in UTC, truncated to the second (the API's
   * precision); nothing when {@code at} is null (the caller's quotes then make {@code ""}).
   */
  public static int writeTimestamp(byte[] dst, int pos, Instant at) {
    if (at == null) {
      return pos;
    }
    long epochSecond = at.getEpochSecond();
    long days = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted).
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0) {
      dst[pos++] = '-';
      year = -year;
    } else if (year > 9999) {
      dst[pos++] = '+';
    }
    pos = digits(dst, pos, year, Math.max(4, decimalWidth(year)));
    dst[pos++] = '-';
    pos = digits(dst, pos, month, 2);
    dst[pos++] = '-';
    pos = digits(dst, pos, day, 2);
    dst[pos++] = 'T';
    pos = digits(dst, pos, secondOfDay / 3600, 2);
    dst[pos++] = ':';
    pos = digits(dst, pos, secondOfDay / 60 % 60, 2);
    dst[pos++] = ':';
    pos = digits(dst, pos, secondOfDay % 60, 2);
    dst[pos++] = 'Z';
    return pos;
  }

  /** The timestamp as {@link #writeTimestamp} writes it, "" for null; for tests and slow paths. */
  public static String formatTimestamp(Instant at) {
    byte[] out = new byte[MAX_TIMESTAMP_BYTES];
    int len = writeTimestamp(out, 0, at);
    return new String(out, 0, len, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static int decimalWidth(long value) {
    int width = 1;
    for (long t = value; t >= 10; t /= 10) {
      width++;
    }
    return width;
  }

  private static int digits(byte[] dst, int pos, long value, int width) {
    for (int i = pos + width - 1; i >= pos; i--) {
      dst[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return pos + width;
  }
}
