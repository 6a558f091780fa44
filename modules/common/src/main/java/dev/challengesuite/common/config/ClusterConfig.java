package dev.challengesuite.common.config;

/**
 * Several instances on one database ({@code cluster.*}, docs/scaling.md). With an empty
 * {@code redisUrl} the instance runs alone: no change feed, its player cache is always trusted.
 *
 * @param instanceId this instance's name in the change feed and logs (unique per instance)
 * @param redisUrl the Redis carrying the change feed ({@code redis://host:6379}), or empty
 * @param channel the pub/sub channel every instance of one deployment shares
 * @param redisPoolSize connections used to publish changes
 */
public record ClusterConfig(String instanceId, String redisUrl, String channel, int redisPoolSize) {

  public static final String DEFAULT_CHANNEL = "challenge:player-changes";

  /** One instance alone. */
  public static final ClusterConfig SINGLE = new ClusterConfig("single", "", DEFAULT_CHANNEL, 4);

  public boolean clustered() {
    return !redisUrl.isEmpty();
  }

  /** Same settings with any password in the Redis URL hidden, for logs. */
  @Override
  public String toString() {
    return "ClusterConfig[instanceId=%s, redisUrl=%s, channel=%s, redisPoolSize=%d]"
        .formatted(instanceId, redisUrl.replaceAll("//[^/@]*@", "//***@"), channel, redisPoolSize);
  }
}
