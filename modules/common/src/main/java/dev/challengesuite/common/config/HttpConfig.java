package dev.challengesuite.common.config;

/**
 * REST server: {@code http.*}. {@code basePath} starts with "/" and has no trailing "/".
 *
 * @param listCacheMiB MiB of rendered list bodies each HTTP verticle instance keeps for players
 *     that did not change (so {@code instances} × this in all); 0 turns the cache off
 */
public record HttpConfig(
    String host, int port, String basePath, int instances, int maxBodyBytes, int listCacheMiB) {

  public HttpConfig {
    if (listCacheMiB < 0) {
      throw new IllegalArgumentException("listCacheMiB must not be negative: " + listCacheMiB);
    }
  }

  /** The list cache's budget per HTTP verticle instance, in bytes. */
  public long listCacheBytes() {
    return listCacheMiB * 1024L * 1024L;
  }
}
