package dev.challengesuite.common.config;

/**
 * Player authentication ({@code auth.*}). Enabled: RS256 JWTs verified against the IAM JWKS at
 * {@code iamBaseUrl}; disabled: the player is the {@code x-mock-user-id} header.
 */
public record AuthConfig(
    boolean enabled, String iamBaseUrl, String clientId, String clientSecret, long jwksRefreshSeconds) {

  @Override
  public String toString() {
    return "AuthConfig[enabled=%s, iamBaseUrl=%s, clientId=%s, clientSecret=%s, jwksRefreshSeconds=%d]"
        .formatted(enabled, iamBaseUrl, clientId, clientSecret == null || clientSecret.isEmpty() ? "" : "***",
            jwksRefreshSeconds);
  }
}
