package dev.challengesuite.http.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  private static String roundTrip(String value) {
    return new JsonArray("[" + JsonText.quote(value) + "]").getString(0);
  }

  @Test
  @DisplayName("quotes and backslashes are escaped")
  void quotesAndBackslashes() {
    assertThat(JsonText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }

  @Test
  @DisplayName("control characters use short escapes where JSON has them, \\u00XX otherwise")
  void controlCharacters() {
    assertThat(JsonText.quote("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
    assertThat(JsonText.quote("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
  }

  @Test
  @DisplayName("non-ASCII text stays as it is, including surrogate pairs")
  void unicodeStaysReadable() {
    assertThat(JsonText.quote("é☃😀")).isEqualTo("\"é☃😀\"");
    assertThat(JsonText.utf8(JsonText.quote("😀"))).hasSize(6);
  }

  @Test
  @DisplayName("lone surrogates and line separators are escaped so that they survive UTF-8")
  void loneSurrogates() {
    assertThat(JsonText.quote("\ud800x\udc00\u2028")).isEqualTo("\"\\ud800x\\udc00\\u2028\"");
  }

  @Test
  @DisplayName("null renders as the empty string")
  void nullIsEmpty() {
    assertThat(JsonText.quote(null)).isEqualTo("\"\"");
  }

  @Test
  @DisplayName("every UTF-16 code unit reads back unchanged through a JSON parser")
  void everyCharRoundTrips() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!Character.isSurrogate(c)) {
        all.append(c);
      }
    }
    all.append("😀");
    assertThat(roundTrip(all.toString())).isEqualTo(all.toString());
  }
}
