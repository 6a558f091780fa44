package dev.challengesuite.common.config;

/**
 * The whole validated configuration: {@code conf/config.json} overridden by environment variables
 * and system properties, parsed once at startup.
 *
 * @param namespace the AGS namespace this deployment serves ({@code AB_NAMESPACE})
 * @param catalogPath the catalog file ({@code CHALLENGE_CONFIG_PATH})
 * @param clockOffsetSeconds shift of the service's "now", for QA of rotations
 */
public record AppConfig(
    String namespace,
    String catalogPath,
    long clockOffsetSeconds,
    HttpConfig http,
    GrpcConfig grpc,
    MetricsConfig metrics,
    DatabaseConfig database,
    PlayersConfig players,
    EventsConfig events,
    AuthConfig auth,
    RewardsConfig rewards,
    ClaimsConfig claims,
    ClusterConfig cluster) {

  /** Without a {@code cluster} section: {@link ClusterConfig#SINGLE}. */
  public AppConfig(
      String namespace,
      String catalogPath,
      long clockOffsetSeconds,
      HttpConfig http,
      GrpcConfig grpc,
      MetricsConfig metrics,
      DatabaseConfig database,
      PlayersConfig players,
      EventsConfig events,
      AuthConfig auth,
      RewardsConfig rewards,
      ClaimsConfig claims) {
    this(namespace, catalogPath, clockOffsetSeconds, http, grpc, metrics, database, players, events,
        auth, rewards, claims, ClusterConfig.SINGLE);
  }

  /** Without a {@code claims} section: {@link ClaimsConfig#DEFAULT}. */
  public AppConfig(
      String namespace,
      String catalogPath,
      long clockOffsetSeconds,
      HttpConfig http,
      GrpcConfig grpc,
      MetricsConfig metrics,
      DatabaseConfig database,
      PlayersConfig players,
      EventsConfig events,
      AuthConfig auth,
      RewardsConfig rewards) {
    this(namespace, catalogPath, clockOffsetSeconds, http, grpc, metrics, database, players, events,
        auth, rewards, ClaimsConfig.DEFAULT);
  }

  /** The same configuration with the database the service actually uses (e.g. the embedded one). */
  public AppConfig withDatabase(DatabaseConfig actual) {
    return new AppConfig(namespace, catalogPath, clockOffsetSeconds, http, grpc, metrics, actual, players,
        events, auth, rewards, claims, cluster);
  }
}
