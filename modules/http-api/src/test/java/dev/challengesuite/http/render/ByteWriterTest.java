package dev.challengesuite.http.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ByteWriterTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static String writeInt(int value) {
    byte[] out = new byte[ByteWriter.MAX_INT_BYTES];
    return new String(out, 0, ByteWriter.writeInt(out, 0, value), StandardCharsets.US_ASCII);
  }

  @Test
  @DisplayName("integers are written as their decimal text, extremes included")
  void integers() {
    for (int value : new int[] {0, 7, 9, 10, 99, 100, -1, -10, 48_600, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      assertThat(writeInt(value)).isEqualTo(Integer.toString(value));
    }
  }

  @Test
  @DisplayName("timestamps are UTC with second precision")
  void timestampFormat() {
    assertThat(ByteWriter.formatTimestamp(Instant.parse("2025-01-15T10:30:00.987654Z")))
        .isEqualTo("2025-01-15T10:30:00Z");
  }

  @Test
  @DisplayName("a null timestamp writes nothing")
  void nullTimestamp() {
    assertThat(ByteWriter.formatTimestamp(null)).isEmpty();
  }

  @Test
  @DisplayName("timestamps match java.time on calendar edges and across years 0 to 9999")
  void timestampsMatchJavaTime() {
    String[] edges = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
        "2024-02-29T23:59:59Z", "2100-03-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2025-12-31T23:59:59Z"};
    for (String edge : edges) {
      assertThat(ByteWriter.formatTimestamp(Instant.parse(edge))).isEqualTo(edge);
    }
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    SplittableRandom random = new SplittableRandom(42);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(min, max + 1));
      if (!ByteWriter.formatTimestamp(at).equals(REFERENCE.format(at))) {
        mismatches.add(at.toString());
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  @DisplayName("years outside 0 to 9999 are signed like ISO 8601, within the declared bound")
  void wideYears() {
    assertThat(ByteWriter.formatTimestamp(Instant.MAX)).isEqualTo("+1000000000-12-31T23:59:59Z")
        .hasSize(ByteWriter.MAX_TIMESTAMP_BYTES);
    assertThat(ByteWriter.formatTimestamp(Instant.MIN)).isEqualTo("-1000000000-01-01T00:00:00Z")
        .hasSize(ByteWriter.MAX_TIMESTAMP_BYTES);
    SplittableRandom random = new SplittableRandom(7);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      Instant at = Instant.ofEpochSecond(
          random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
      if (!ByteWriter.formatTimestamp(at).equals(at.toString())) {
        mismatches.add(at.toString());
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
