package dev.challengesuite.launcher.config;

import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.AuthConfig;
import dev.challengesuite.common.config.ClaimsConfig;
import dev.challengesuite.common.config.ClusterConfig;
import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.common.config.EventsConfig;
import dev.challengesuite.common.config.GrpcConfig;
import dev.challengesuite.common.config.HttpConfig;
import dev.challengesuite.common.config.MetricsConfig;
import dev.challengesuite.common.config.PlayersConfig;
import dev.challengesuite.common.config.RewardsConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration once at startup: the config file, overridden by environment variables,
 * overridden by system properties (see {@link ConfigKeys} for every key and the reference names),
 * parsed into {@link AppConfig} and validated. Any violation is a {@link ConfigException} whose
 * message is one line naming the key, the rule and the source of the bad value.
 */
public final class ConfigLoader {

  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

  /** Smallest duplicate-id window DECISIONS.md allows ("at least the last 10 minutes"). */
  private static final long MIN_DEDUP_WINDOW_SECONDS = 600;

  /** 64 GiB per HTTP verticle instance: beyond any sane direct-memory budget, so surely a typo. */
  private static final int MAX_LIST_CACHE_MIB = 65536;

  private ConfigLoader() {}

  /** The process's configuration: the file named by {@code -Dchallenge.config} or {@code CHALLENGE_CONF}. */
  public static AppConfig loadFromProcess() {
    Map<String, String> env = System.getenv();
    Map<String, String> properties = systemProperties();
    Path file = configFile(env, properties);
    AppConfig config = load(readFile(file), file.toString(), env, properties);
    log.info("configuration from {}: {}", file, config);
    return config;
  }

  /** Parses and validates; tests call this directly with their own file content and maps. */
  public static AppConfig load(
      JsonObject file, String fileName, Map<String, String> env, Map<String, String> properties) {
    ConfigLayers.unknownNames(env, properties)
        .forEach(name -> log.warn("{} is not a configuration setting and is ignored", name));
    ConfigReader reader = new ConfigReader(ConfigLayers.merge(file, fileName, env, properties));
    AppConfig config = parse(reader);
    checkCombinations(config);
    return config;
  }

  static Path configFile(Map<String, String> env, Map<String, String> properties) {
    String fromProperty = properties.get(ConfigKeys.FILE_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Path.of(fromProperty.trim());
    }
    String fromEnv = env.get(ConfigKeys.FILE_ENV);
    return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : ConfigKeys.DEFAULT_FILE);
  }

  static JsonObject readFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file %s not found (resolved to %s); run from the project directory or set %s"
          .formatted(file, file.toAbsolutePath(), ConfigKeys.FILE_ENV));
    } catch (IOException e) {
      throw new ConfigException("config file %s cannot be read: %s".formatted(file, e));
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new ConfigException("config file %s is not a JSON object: %s".formatted(file, reason));
    }
  }

  private static AppConfig parse(ConfigReader read) {
    return new AppConfig(
        read.nonBlank("namespace"),
        read.nonBlank("catalogPath"),
        read.anyLong("clock.offsetSeconds"),
        new HttpConfig(
            read.nonBlank("http.host"),
            read.port("http.port"),
            read.basePath("http.basePath"),
            read.intAtLeast("http.instances", 1),
            read.intAtLeast("http.maxBodyBytes", 1),
            read.intBetween("http.listCacheMiB", 0, MAX_LIST_CACHE_MIB)),
        new GrpcConfig(
            read.nonBlank("grpc.host"),
            read.port("grpc.port"),
            read.intAtLeast("grpc.instances", 1),
            read.intAtLeast("grpc.maxMessageBytes", 1)),
        new MetricsConfig(
            read.bool("metrics.enabled"),
            read.nonBlank("metrics.host"),
            read.port("metrics.port")),
        new DatabaseConfig(
            read.string("database.host").trim(),
            read.port("database.port"),
            read.nonBlank("database.name"),
            read.nonBlank("database.user"),
            read.string("database.password"),
            read.intAtLeast("database.poolSize", 1),
            read.nonBlank("database.embedded.dataDir"),
            read.port("database.embedded.port")),
        new PlayersConfig(
            read.intAtLeast("players.partitions", 1),
            read.longAtLeast("players.requestTimeoutMs", 1),
            read.intAtLeast("players.maxCachedPlayersPerPartition", 1),
            read.longAtLeast("players.storeTimeoutMs", 1)),
        new EventsConfig(
            read.longAtLeast("events.dedupWindowSeconds", MIN_DEDUP_WINDOW_SECONDS),
            read.intAtLeast("events.maxBatchPlayers", 1),
            read.intAtLeast("events.maxPendingEvents", 1)),
        new AuthConfig(
            read.bool("auth.enabled"),
            read.optionalUrl("auth.iamBaseUrl"),
            read.string("auth.clientId"),
            read.string("auth.clientSecret"),
            read.longAtLeast("auth.jwksRefreshSeconds", 1)),
        new RewardsConfig(
            read.oneOf("rewards.mode", Set.of("real", "mock")),
            read.optionalUrl("rewards.platformBaseUrl"),
            read.longAtLeast("rewards.mockLatencyMs", 0),
            read.between("rewards.mockFailureRate", 0.0, 1.0)),
        new ClaimsConfig(
            read.longAtLeast("claims.grantTimeoutMs", 1),
            read.longAtLeast("claims.pendingExpiryMs", 1)),
        new ClusterConfig(
            orGenerated(read.optionalName("cluster.instanceId")),
            read.optionalRedisUrl("cluster.redisUrl"),
            read.nonBlank("cluster.channel"),
            read.intAtLeast("cluster.redisPoolSize", 1)));
  }

  /** The configured instance id, else the host name with a random suffix (unique per start). */
  private static String orGenerated(String instanceId) {
    if (!instanceId.isEmpty()) {
      return instanceId;
    }
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "instance";
      }
    }
    String suffix = HexFormat.of().toHexDigits(new SecureRandom().nextInt()).substring(0, 6);
    return host.trim().replaceAll("[\\s\\p{Cntrl}]", "") + "-" + suffix;
  }

  /** Rules that span keys: what auth and real rewards need, and ports that cannot be shared. */
  private static void checkCombinations(AppConfig config) {
    AuthConfig auth = config.auth();
    boolean realRewards = config.rewards().mode().equals("real");
    if (auth.enabled() && auth.iamBaseUrl().isEmpty()) {
      throw new ConfigException("auth.iamBaseUrl must be set when auth.enabled is true"
          + " (set AB_BASE_URL, or PLUGIN_GRPC_SERVER_AUTH_ENABLED=false for local runs)");
    }
    if (realRewards && config.rewards().platformBaseUrl().isEmpty()) {
      throw new ConfigException("rewards.platformBaseUrl must be set when rewards.mode is \"real\""
          + " (set AB_BASE_URL, or REWARD_CLIENT_MODE=mock for local runs)");
    }
    if (realRewards && auth.iamBaseUrl().isEmpty()) {
      throw new ConfigException("auth.iamBaseUrl must be set when rewards.mode is \"real\""
          + " (the grant token comes from IAM; set AB_BASE_URL, or REWARD_CLIENT_MODE=mock for local runs)");
    }
    if (realRewards && (auth.clientId().isBlank() || auth.clientSecret().isBlank())) {
      throw new ConfigException("auth.clientId and auth.clientSecret must be set when rewards.mode is \"real\""
          + " (set AB_CLIENT_ID and AB_CLIENT_SECRET, or REWARD_CLIENT_MODE=mock for local runs)");
    }
    ClaimsConfig claims = config.claims();
    if (claims.pendingExpiryMillis() <= claims.grantTimeoutMillis()) {
      throw new ConfigException("claims.pendingExpiryMs must be greater than claims.grantTimeoutMs (got "
          + claims.pendingExpiryMillis() + " and " + claims.grantTimeoutMillis()
          + "): a claim still waiting for its grant's answer must never be settled as abandoned");
    }
    int http = config.http().port();
    int grpc = config.grpc().port();
    int metrics = config.metrics().port();
    if (grpc == http) {
      throw new ConfigException("grpc.port must differ from http.port (both are " + http + ")");
    }
    if (config.metrics().enabled() && (metrics == http || metrics == grpc)) {
      throw new ConfigException("metrics.port must differ from http.port and grpc.port (got " + metrics + ")");
    }
  }

  private static Map<String, String> systemProperties() {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
    return properties;
  }
}
