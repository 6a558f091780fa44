package dev.challengesuite.launcher.config;

/**
 * The value a key ended up with and where it came from ("conf/config.json", "env DB_HOST",
 * "system property challenge.http.port", "the built-in default"), so errors can name the source.
 */
record Setting(Object value, String source) {

  /** The value as a user would have typed it: strings quoted, numbers and booleans bare. */
  String shown() {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
