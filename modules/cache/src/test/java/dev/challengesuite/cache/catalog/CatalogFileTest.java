package dev.challengesuite.cache.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.challengesuite.common.catalog.CatalogIndex;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Writes catalogs to a temporary file and loads them the way the service does. */
abstract class CatalogFileTest {

  @TempDir Path dir;

  Path file() {
    return dir.resolve("challenges.json");
  }

  Path write(String text) {
    try {
      return Files.writeString(file(), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CatalogIndex load(JsonObject catalog) {
    return CatalogLoader.load(write(catalog.encodePrettily()));
  }

  CatalogIndex load(String text) {
    return CatalogLoader.load(write(text));
  }

  /** Asserts the whole one-line message: the file, then {@code problem}. */
  void assertRejected(JsonObject catalog, String problem) {
    assertRejected(catalog.encodePrettily(), problem);
  }

  void assertRejected(String text, String problem) {
    CatalogException failure = catchThrowableOfType(CatalogException.class, () -> load(text));
    assertThat(failure).as("catalog should be rejected").isNotNull();
    assertThat(failure).hasMessage(file() + ": " + problem);
  }
}
