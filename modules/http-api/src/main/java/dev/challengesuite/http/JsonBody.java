package dev.challengesuite.http;

import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON request body read as the reference's gateway reads it (DECISIONS.md "REST"): each field
 * under its camelCase or its snake_case name, unknown fields ignored, a missing or null field is
 * the type's zero value, an empty body is {@code {}}. Malformed JSON, a body that is not an object,
 * a field given under both names and a value of the wrong type are 400.
 */
final class JsonBody {

  private final JsonObject fields;

  private JsonBody(JsonObject fields) {
    this.fields = fields;
  }

  /** The body of the request (read by the route's body handler). */
  static JsonBody of(RoutingContext ctx) {
    return parse(ctx.body() == null ? null : ctx.body().buffer());
  }

  static JsonBody parse(Buffer body) {
    if (body == null || body.toString().isBlank()) {
      return new JsonBody(new JsonObject());
    }
    Object value;
    try {
      value = body.toJsonValue();
    } catch (DecodeException e) {
      throw ChallengeException.invalid("malformed JSON body");
    }
    if (value instanceof JsonObject object) {
      return new JsonBody(object);
    }
    throw ChallengeException.invalid("request body must be a JSON object");
  }

  /** A boolean field; false when missing. */
  boolean bool(String camelName, String snakeName) {
    Field field = field(camelName, snakeName);
    if (field.value == null) {
      return false;
    }
    if (field.value instanceof Boolean value) {
      return value;
    }
    throw field.invalid("a boolean");
  }

  /**
   * A 32-bit integer field; 0 when missing. As protobuf JSON, an integral number written with a
   * fraction or exponent ({@code 3.0}) and a quoted integer ({@code "3"}) are accepted.
   */
  int int32(String camelName, String snakeName) {
    Field field = field(camelName, snakeName);
    if (field.value == null) {
      return 0;
    }
    BigDecimal number;
    try {
      number =
          switch (field.value) {
            case Integer value -> BigDecimal.valueOf(value);
            case Long value -> BigDecimal.valueOf(value);
            case BigInteger value -> new BigDecimal(value);
            case Number value -> new BigDecimal(value.toString());
            case String value -> new BigDecimal(value);
            default -> throw field.invalid("a 32-bit integer");
          };
      return number.intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw field.invalid("a 32-bit integer");
    }
  }

  /** A list of strings; empty when missing. */
  List<String> strings(String camelName, String snakeName) {
    Field field = field(camelName, snakeName);
    if (field.value == null) {
      return List.of();
    }
    if (!(field.value instanceof JsonArray array)) {
      throw field.invalid("an array of strings");
    }
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String value)) {
        throw field.invalid("an array of strings");
      }
      values.add(value);
    }
    return values;
  }

  private Field field(String camelName, String snakeName) {
    boolean camel = fields.containsKey(camelName);
    boolean snake = !snakeName.equals(camelName) && fields.containsKey(snakeName);
    if (camel && snake) {
      throw ChallengeException.invalid(
          "field '" + camelName + "' is given twice (as '" + camelName + "' and '" + snakeName
              + "')");
    }
    String name = snake ? snakeName : camelName;
    return new Field(name, fields.getValue(name));
  }

  /** A field as the client named it, and its value (null when missing or null). */
  private record Field(String name, Object value) {

    ChallengeException invalid(String expected) {
      return ChallengeException.invalid(
          "invalid value for field '" + name + "': expected " + expected);
    }
  }
}
