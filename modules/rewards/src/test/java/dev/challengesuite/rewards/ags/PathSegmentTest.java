package dev.challengesuite.rewards.ags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentTest {

  @Test
  @DisplayName("unreserved characters pass unchanged")
  void unreserved() {
    assertThat(PathSegment.encode("abcXYZ019-._~")).isEqualTo("abcXYZ019-._~");
  }

  @Test
  @DisplayName("reserved, space, percent, plus and non-ASCII characters are percent-encoded as UTF-8")
  void encodes() {
    assertThat(PathSegment.encode("a b/c?d#e%f+g:h@ü")).isEqualTo("a%20b%2Fc%3Fd%23e%25f%2Bg%3Ah%40%C3%BC");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", ".", ".."})
  @DisplayName("empty and dot segments are refused: servers would drop or resolve them")
  void refusesDotSegments(String segment) {
    assertThatThrownBy(() -> PathSegment.encode(segment)).isInstanceOf(IllegalArgumentException.class);
  }
}
