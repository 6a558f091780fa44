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
  /** "00", "01", ... "99" back to back. */
  private static final byte[] DIGIT_PAIRS = new byte[200];
  /** 10^i for i in 0..18: every power of ten a non-negative long can reach. */
  private static final long[] POWERS_OF_TEN = new long[19];
  /** 10000-01-01T00:00:00Z: below it (and from 1970) a year has four digits and no sign. */
  private static final long YEAR_10000 = 253_402_300_800L;

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

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
    if (value >= 0 && value < 10) {
      dst[pos] = (byte) ('0' + value);
      return pos + 1;
    }
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
    if (epochSecond >= 0 && epochSecond < YEAR_10000) {
      return writeModernTimestamp(dst, pos, epochSecond);
    }
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
    return writeMonthDayTime(dst, pos, month, day, secondOfDay);
  }

  /**
   * Years 1970 to 9999, every instant a real clock gives: the same algorithm as {@link
   * #writeTimestamp} in int arithmetic (no negative operands, so no floor division).
   */
  private static int writeModernTimestamp(byte[] dst, int pos, long epochSecond) {
    int days = (int) (epochSecond / 86_400L);
    int secondOfDay = (int) (epochSecond - days * 86_400L);
    int z = days + 719_468;
    int era = z / 146_097;
    int dayOfEra = z - era * 146_097;
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int shiftedMonth = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    pos = pair(dst, pos, year / 100);
    pos = pair(dst, pos, year % 100);
    return writeMonthDayTime(dst, pos, month, day, secondOfDay);
  }

  /** {@code -MM-ddTHH:mm:ssZ}. */
  private static int writeMonthDayTime(byte[] dst, int pos, int month, int day, int secondOfDay) {
    dst[pos++] = '-';
    pos = pair(dst, pos, month);
    dst[pos++] = '-';
    pos = pair(dst, pos, day);
    dst[pos++] = 'T';
    pos = pair(dst, pos, secondOfDay / 3600);
    dst[pos++] = ':';
    pos = pair(dst, pos, secondOfDay / 60 % 60);
    dst[pos++] = ':';
    pos = pair(dst, pos, secondOfDay % 60);
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
    while (width < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[width]) {
      width++;
    }
    return width;
  }

  /** {@code value} in exactly {@code width} digits, zero-padded on the left. */
  private static int digits(byte[] dst, int pos, long value, int width) {
    int i = pos + width;
    while (value >= 100 && i - 2 >= pos) {
      int twoDigits = (int) (value % 100);
      value /= 100;
      i -= 2;
      pair(dst, i, twoDigits);
    }
    while (i > pos) {
      dst[--i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return pos + width;
  }

  /** {@code value} (0 to 99) in two digits. */
  private static int pair(byte[] dst, int pos, int value) {
    dst[pos] = DIGIT_PAIRS[2 * value];
    dst[pos + 1] = DIGIT_PAIRS[2 * value + 1];
    return pos + 2;
  }
}
