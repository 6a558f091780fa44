package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorResponderTest {

  @Test
  @DisplayName("the 401 challenge carries the message as a Bearer error_description")
  void bearerChallenge() {
    assertThat(ErrorResponder.bearerChallenge("token expired"))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"token expired\"");
  }

  @Test
  @DisplayName("quotes, backslashes, control and non-ASCII characters cannot break the header")
  void sanitised() {
    assertThat(ErrorResponder.bearerChallenge("a\"b\\c\r\nd\u00e9"))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"a?b?c??d?\"");
  }
}
