package dev.challengesuite.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

  private static JsonBody body(String text) {
    return JsonBody.parse(text == null ? null : Buffer.buffer(text));
  }

  private static void assertInvalid(Runnable read, String message) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(ChallengeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "  \n", "{}"})
  @DisplayName("an empty or blank body reads as {}: every field has its zero value")
  void emptyIsEmptyObject(String text) {
    JsonBody body = body(text);

    assertThat(body.bool("isActive", "is_active")).isFalse();
    assertThat(body.int32("count", "count")).isZero();
    assertThat(body.strings("goalIds", "goal_ids")).isEmpty();
  }

  @Test
  @DisplayName("no body at all reads as {}")
  void noBody() {
    assertThat(body(null).bool("isActive", "is_active")).isFalse();
  }

  @Test
  @DisplayName("fields are read under their camelCase or their snake_case name")
  void bothSpellings() {
    assertThat(body("{\"isActive\":true}").bool("isActive", "is_active")).isTrue();
    assertThat(body("{\"is_active\":true}").bool("isActive", "is_active")).isTrue();
    assertThat(body("{\"goal_ids\":[\"a\",\"b\"]}").strings("goalIds", "goal_ids"))
        .containsExactly("a", "b");
  }

  @Test
  @DisplayName("other spellings are unknown fields, and unknown fields are ignored")
  void unknownIgnored() {
    JsonBody body = body("{\"IsActive\":true,\"extra\":{\"deep\":[1,null]},\"count\":2}");

    assertThat(body.bool("isActive", "is_active")).isFalse();
    assertThat(body.int32("count", "count")).isEqualTo(2);
  }

  @Test
  @DisplayName("null is the zero value")
  void nullIsZero() {
    JsonBody body = body("{\"isActive\":null,\"count\":null,\"goalIds\":null}");

    assertThat(body.bool("isActive", "is_active")).isFalse();
    assertThat(body.int32("count", "count")).isZero();
    assertThat(body.strings("goalIds", "goal_ids")).isEmpty();
  }

  @Test
  @DisplayName("a field given under both names is 400")
  void givenTwice() {
    assertInvalid(() -> body("{\"isActive\":true,\"is_active\":false}").bool("isActive", "is_active"),
        "field 'isActive' is given twice (as 'isActive' and 'is_active')");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"true\"", "1", "[]", "{}"})
  @DisplayName("a boolean field with another type is 400 naming the field as sent")
  void wrongBoolean(String value) {
    assertInvalid(() -> body("{\"is_active\":" + value + "}").bool("isActive", "is_active"),
        "invalid value for field 'is_active': expected a boolean");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3", "3.0", "3e0", "\"3\""})
  @DisplayName("an integer field accepts integral numbers and quoted integers, as protobuf JSON")
  void integers(String value) {
    assertThat(body("{\"count\":" + value + "}").int32("count", "count")).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2.5", "2147483648", "-2147483649", "1e10", "99999999999999999999",
      "\"abc\"", "\" 3\"", "true", "[3]"})
  @DisplayName("an integer field with a fraction, out of range or of another type is 400")
  void wrongInteger(String value) {
    assertInvalid(() -> body("{\"count\":" + value + "}").int32("count", "count"),
        "invalid value for field 'count': expected a 32-bit integer");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"a\"", "[\"a\",1]", "[\"a\",null]", "{}", "true"})
  @DisplayName("a string-list field that is not an array of strings is 400")
  void wrongStrings(String value) {
    assertInvalid(() -> body("{\"goalIds\":" + value + "}").strings("goalIds", "goal_ids"),
        "invalid value for field 'goalIds': expected an array of strings");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{", "{\"a\":}", "nope", "{\"a\":1} {", "{\"a\":1}}"})
  @DisplayName("malformed JSON is 400")
  void malformed(String text) {
    assertInvalid(() -> body(text), "malformed JSON body");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "\"text\"", "3", "null", "true"})
  @DisplayName("JSON that is not an object is 400")
  void notAnObject(String text) {
    assertInvalid(() -> body(text), "request body must be a JSON object");
  }
}
