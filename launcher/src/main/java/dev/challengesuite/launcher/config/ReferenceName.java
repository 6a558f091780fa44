package dev.challengesuite.launcher.config;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An environment variable of the reference service that sets one of our keys, with the
 * conversion the reference applies to its value.
 */
record ReferenceName(String env, UnaryOperator<String> conversion) {

  static ReferenceName as(String env) {
    return new ReferenceName(env, UnaryOperator.identity());
  }

  /** The reference's boolean: true only if the value lower-cased is "true", anything else is false. */
  static ReferenceName lenientBoolean(String env) {
    return new ReferenceName(env, value -> String.valueOf(value.toLowerCase(Locale.ROOT).equals("true")));
  }
}
