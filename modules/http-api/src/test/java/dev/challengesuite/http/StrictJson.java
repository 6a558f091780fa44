package dev.challengesuite.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Parses JSON text, rejecting duplicate keys anywhere (lenient parsers keep the last one). */
public final class StrictJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StrictJson() {}

  public static JsonObject parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      while (parser.nextToken() != null) {
        // walking every token is what triggers duplicate detection
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not strict JSON: " + e.getMessage(), e);
    }
    return new JsonObject(text);
  }
}
