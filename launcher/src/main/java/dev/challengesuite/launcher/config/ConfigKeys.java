package dev.challengesuite.launcher.config;

import static dev.challengesuite.launcher.config.ReferenceName.as;
import static dev.challengesuite.launcher.config.ReferenceName.lenientBoolean;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of configuration keys: path, built-in default, and the reference environment
 * variables (reference §4.2, §4.3) mapped onto it. {@code conf/config.json} repeats these defaults
 * so that users see every tunable; the file wins where the two differ.
 */
final class ConfigKeys {

  static final List<ConfigKey> ALL = List.of(
      key("namespace", "accelbyte", as("AB_NAMESPACE")),
      key("catalogPath", "conf/challenges.json", as("CHALLENGE_CONFIG_PATH")),
      key("clock.offsetSeconds", 0),

      key("http.host", "0.0.0.0"),
      key("http.port", 8000),
      key("http.basePath", "/challenge", as("BASE_PATH")),
      key("http.instances", 2),
      key("http.maxBodyBytes", 65536),
      key("http.listCacheMiB", 32),

      key("grpc.host", "0.0.0.0"),
      key("grpc.port", 6565),
      key("grpc.instances", 2),
      key("grpc.maxMessageBytes", 65536),

      key("metrics.enabled", true),
      key("metrics.host", "0.0.0.0"),
      key("metrics.port", 8080),

      key("database.host", "", as("DB_HOST")),
      key("database.port", 5432, as("DB_PORT")),
      key("database.name", "challenge_service", as("DB_NAME")),
      key("database.user", "postgres", as("DB_USER")),
      key("database.password", "", as("DB_PASSWORD")),
      key("database.poolSize", 16, as("DB_MAX_OPEN_CONNS")),
      key("database.embedded.dataDir", ".data/postgres"),
      key("database.embedded.port", 54329),

      key("players.partitions", 4),
      key("players.requestTimeoutMs", 5000),
      key("players.maxCachedPlayersPerPartition", 50000),
      key("players.storeTimeoutMs", 1000),

      key("events.dedupWindowSeconds", 600),
      key("events.maxBatchPlayers", 500),
      key("events.maxPendingEvents", 20000),

      key("auth.enabled", true, lenientBoolean("PLUGIN_GRPC_SERVER_AUTH_ENABLED")),
      key("auth.iamBaseUrl", "", as("AB_BASE_URL")),
      key("auth.clientId", "", as("AB_CLIENT_ID")),
      key("auth.clientSecret", "", as("AB_CLIENT_SECRET")),
      key("auth.jwksRefreshSeconds", 600, as("REFRESH_INTERVAL")),

      key("rewards.mode", "real", as("REWARD_CLIENT_MODE")),
      key("rewards.platformBaseUrl", "", as("AB_BASE_URL")),
      key("rewards.mockLatencyMs", 0),
      key("rewards.mockFailureRate", 0.0),

      key("claims.grantTimeoutMs", 12000),
      key("claims.pendingExpiryMs", 30000),

      key("cluster.instanceId", ""),
      key("cluster.redisUrl", "", as("REDIS_URL")),
      key("cluster.channel", "challenge:player-changes"),
      key("cluster.redisPoolSize", 4));

  /** Environment variable and system property naming the config file itself, not a key. */
  static final String FILE_ENV = "CHALLENGE_CONF";
  static final String FILE_PROPERTY = "challenge.config";
  static final String DEFAULT_FILE = "conf/config.json";

  private static final Map<String, ConfigKey> BY_PATH = index();

  private ConfigKeys() {}

  static Optional<ConfigKey> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  /** True if some key lives under {@code prefix} (e.g. "database.embedded"), so a JSON object belongs there. */
  static boolean isSection(String prefix) {
    return ALL.stream().anyMatch(key -> key.path().startsWith(prefix + "."));
  }

  private static ConfigKey key(String path, Object defaultValue, ReferenceName... referenceNames) {
    return new ConfigKey(path, defaultValue, List.of(referenceNames));
  }

  private static Map<String, ConfigKey> index() {
    Map<String, ConfigKey> byPath = new LinkedHashMap<>();
    Map<String, String> envNames = new HashMap<>();
    for (ConfigKey key : ALL) {
      if (byPath.put(key.path(), key) != null) {
        throw new IllegalStateException("duplicate config key " + key.path());
      }
      String clash = envNames.put(key.envName(), key.path());
      if (clash != null || key.envName().equals(FILE_ENV)) {
        throw new IllegalStateException("env name " + key.envName() + " is ambiguous (" + key.path() + ")");
      }
    }
    return Map.copyOf(byPath);
  }
}
