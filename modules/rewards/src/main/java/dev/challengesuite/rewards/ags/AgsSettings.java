package dev.challengesuite.rewards.ags;

import dev.challengesuite.common.config.AppConfig;

/**
 * Where and as whom the real client talks to AGS: IAM for the client-credentials token, Platform
 * for the grants. Base URLs carry no trailing slash.
 */
public record AgsSettings(String iamBaseUrl, String platformBaseUrl, String clientId, String clientSecret) {

  public AgsSettings {
    iamBaseUrl = baseUrl(iamBaseUrl, "iamBaseUrl");
    platformBaseUrl = baseUrl(platformBaseUrl, "platformBaseUrl");
    if (clientId == null || clientId.isEmpty() || clientSecret == null || clientSecret.isEmpty()) {
      throw new IllegalArgumentException("clientId and clientSecret must be set for real reward grants");
    }
  }

  public static AgsSettings from(AppConfig config) {
    return new AgsSettings(config.auth().iamBaseUrl(), config.rewards().platformBaseUrl(),
        config.auth().clientId(), config.auth().clientSecret());
  }

  private static String baseUrl(String url, String name) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(name + " must be an http(s) URL, got: " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "AgsSettings[iamBaseUrl=%s, platformBaseUrl=%s, clientId=%s, clientSecret=***]"
        .formatted(iamBaseUrl, platformBaseUrl, clientId);
  }
}
