package dev.challengesuite.launcher.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its dotted path in {@code conf/config.json}, its built-in default (used
 * when the file leaves the key out), and the reference's environment variables that also set it.
 *
 * <p>Every key can also be set by a generic environment variable and a system property, both
 * derived from the path: {@code http.basePath} ↔ {@code CHALLENGE_HTTP_BASE_PATH} ↔
 * {@code -Dchallenge.http.basePath}.
 */
record ConfigKey(String path, Object defaultValue, List<ReferenceName> referenceNames) {

  static final String ENV_PREFIX = "CHALLENGE_";
  static final String PROPERTY_PREFIX = "challenge.";

  /**
   * {@code database.embedded.dataDir} → {@code CHALLENGE_DATABASE_EMBEDDED_DATA_DIR}. A word
   * starts at a capital followed by a small letter, so a unit such as {@code MiB} stays one word:
   * {@code http.listCacheMiB} → {@code CHALLENGE_HTTP_LIST_CACHE_MIB}.
   */
  String envName() {
    String snake = path.replace('.', '_').replaceAll("([a-z0-9])(?=[A-Z][a-z])", "$1_");
    return ENV_PREFIX + snake.toUpperCase(Locale.ROOT);
  }

  /** {@code http.port} → {@code challenge.http.port}. */
  String propertyName() {
    return PROPERTY_PREFIX + path;
  }
}
