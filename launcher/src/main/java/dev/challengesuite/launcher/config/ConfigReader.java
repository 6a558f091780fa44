package dev.challengesuite.launcher.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of merged settings. Each read names its rule; a value that breaks it
 * fails with one line such as {@code http.port must be an integer between 1 and 65535 (got "abc"
 * from env CHALLENGE_HTTP_PORT)}.
 */
final class ConfigReader {

  /** "/challenge", "/a/b": leading "/", no empty segments, no whitespace, query or fragment. */
  private static final Pattern BASE_PATH = Pattern.compile("(/[^/\\s?#]+)+");

  private final Map<String, Setting> settings;

  ConfigReader(Map<String, Setting> settings) {
    this.settings = settings;
  }

  String string(String path) {
    Setting setting = setting(path);
    if (setting.value() instanceof String text) {
      return text;
    }
    throw violation(path, "be a string", setting);
  }

  String nonBlank(String path) {
    String text = string(path);
    if (text.isBlank()) {
      throw violation(path, "not be empty", setting(path));
    }
    return text;
  }

  String oneOf(String path, Set<String> allowed) {
    String text = string(path);
    if (!allowed.contains(text)) {
      throw violation(path, "be one of " + String.join(", ", allowed.stream().sorted().toList()), setting(path));
    }
    return text;
  }

  /** A base path with any trailing "/" removed. */
  String basePath(String path) {
    String text = string(path);
    String normalised = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    if (!BASE_PATH.matcher(normalised).matches()) {
      throw violation(path, "be a path such as /challenge (leading \"/\", no empty segments, spaces, \"?\" or \"#\")",
          setting(path));
    }
    return normalised;
  }

  /** Empty, or an absolute http(s) URL; any trailing "/" is removed so callers can append paths. */
  String optionalUrl(String path) {
    String text = string(path);
    if (text.isEmpty()) {
      return text;
    }
    String normalised = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    if (!isHttpUrl(normalised)) {
      throw violation(path, "be empty or an http(s) URL such as https://demo.accelbyte.io", setting(path));
    }
    return normalised;
  }

  /** Empty, or a Redis URL ({@code redis://}, {@code rediss://} or {@code unix://}). */
  String optionalRedisUrl(String path) {
    String text = string(path).trim();
    if (text.isEmpty()) {
      return text;
    }
    try {
      String scheme = new URI(text).getScheme();
      if ("redis".equals(scheme) || "rediss".equals(scheme) || "unix".equals(scheme)) {
        return text;
      }
    } catch (Exception e) {
      // reported below
    }
    throw violation(path, "be empty or a Redis URL such as redis://redis:6379", setting(path));
  }

  /** A name without whitespace or control characters (it travels in tab-separated messages); may be empty. */
  String optionalName(String path) {
    String text = string(path).trim();
    if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw violation(path, "contain no whitespace or control characters", setting(path));
    }
    return text;
  }

  boolean bool(String path) {
    Setting setting = setting(path);
    return switch (setting.value()) {
      case Boolean flag -> flag;
      case String text when text.equalsIgnoreCase("true") -> true;
      case String text when text.equalsIgnoreCase("false") -> false;
      case null, default -> throw violation(path, "be true or false", setting);
    };
  }

  int port(String path) {
    return intBetween(path, 1, 65535);
  }

  int intAtLeast(String path, int min) {
    return intBetween(path, min, Integer.MAX_VALUE);
  }

  long longAtLeast(String path, long min) {
    Setting setting = setting(path);
    return integer(setting).filter(value -> value >= min)
        .orElseThrow(() -> violation(path, "be an integer of at least " + min, setting));
  }

  long anyLong(String path) {
    Setting setting = setting(path);
    return integer(setting).orElseThrow(() -> violation(path, "be an integer", setting));
  }

  double between(String path, double min, double max) {
    Setting setting = setting(path);
    return decimal(setting).filter(value -> value >= min && value <= max)
        .orElseThrow(() -> violation(path, "be a number between " + min + " and " + max, setting));
  }

  int intBetween(String path, int min, int max) {
    Setting setting = setting(path);
    String rule = max == Integer.MAX_VALUE
        ? "be an integer of at least " + min
        : "be an integer between " + min + " and " + max;
    return integer(setting).filter(value -> value >= min && value <= max)
        .map(Long::intValue)
        .orElseThrow(() -> violation(path, rule, setting));
  }

  private Setting setting(String path) {
    Setting setting = settings.get(path);
    if (setting == null) {
      throw new IllegalArgumentException("no config key " + path);
    }
    return setting;
  }

  private static ConfigException violation(String path, String rule, Setting setting) {
    return new ConfigException("%s must %s (got %s from %s)".formatted(path, rule, setting.shown(), setting.source()));
  }

  private static Optional<Long> integer(Setting setting) {
    return switch (setting.value()) {
      case Integer value -> Optional.of(value.longValue());
      case Long value -> Optional.of(value);
      case String text -> parse(() -> Long.parseLong(text.trim()));
      case null, default -> Optional.empty();
    };
  }

  private static Optional<Double> decimal(Setting setting) {
    Optional<Double> parsed = switch (setting.value()) {
      case Number value -> Optional.of(value.doubleValue());
      case String text -> parse(() -> Double.parseDouble(text.trim()));
      case null, default -> Optional.empty();
    };
    return parsed.filter(Double::isFinite);
  }

  private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
    try {
      return Optional.of(parser.get());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}
