package dev.challengesuite.cache.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.challengesuite.common.catalog.CatalogIndex;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Loads the challenge catalog ({@code challenges.json}, reference-behaviour.md §4.1) the way the
 * reference does: read, parse, default, validate; any failure is a {@link CatalogException} whose
 * one-line message names the file, the entry and the rule. Blocking file I/O: call it at startup,
 * before deploying verticles (or from executeBlocking).
 */
public final class CatalogLoader {

  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private CatalogLoader() {}

  /**
   * The validated catalog of {@code file}, indexed, with the SHA-256 of the file's raw bytes as
   * its hash (so instances can tell they run the same catalog).
   *
   * @throws CatalogException when the file cannot be read, is not JSON, or breaks a rule
   */
  public static CatalogIndex load(Path file) {
    String source = file.toString();
    byte[] bytes = read(file, source);
    CatalogDraft draft = new CatalogJsonReader(source).read(parse(bytes, source));
    CatalogValidator.firstProblem(draft)
        .ifPresent(
            problem -> {
              throw new CatalogException(source, problem);
            });
    return new CatalogIndex(draft.toCatalog(), sha256Hex(bytes));
  }

  private static byte[] read(Path file, String source) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CatalogException(source, "failed to read config file: no such file", e);
    } catch (AccessDeniedException e) {
      throw new CatalogException(source, "failed to read config file: permission denied", e);
    } catch (IOException e) {
      throw new CatalogException(source, "failed to read config file: " + e.getMessage(), e);
    }
  }

  private static JsonObject parse(byte[] bytes, String source) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith(BYTE_ORDER_MARK)) {
      text = text.substring(1); // some editors on Windows write one
    }
    if (text.isBlank()) {
      throw new CatalogException(source, "failed to parse config JSON: the file is empty");
    }
    Object root;
    try {
      root = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new CatalogException(source, "failed to parse config JSON: " + describe(e), e);
    }
    if (root instanceof JsonObject object) {
      return object;
    }
    throw new CatalogException(
        source,
        "failed to parse config JSON: the top level must be an object, got "
            + switch (root) {
              case null -> "null";
              case JsonArray array -> "an array";
              case String string -> "a string";
              default -> root.toString();
            });
  }

  /** Jackson's own message with its line and column, without the multi-line source excerpt. */
  private static String describe(DecodeException e) {
    if (e.getCause() instanceof JsonProcessingException cause) {
      String message = cause.getOriginalMessage().lines().findFirst().orElse("");
      JsonLocation location = cause.getLocation();
      return location == null
          ? message
          : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
