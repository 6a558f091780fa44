package dev.challengesuite.launcher.config;

/**
 * A configuration that must not start: the message is one line naming the key, the rule and where
 * the bad value came from, ready to print as the only output of a failed startup.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String problem) {
    super("invalid configuration: " + problem, null, false, false);
  }
}
