package dev.challengesuite.launcher;

import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.launcher.config.ConfigException;
import dev.challengesuite.launcher.config.ConfigLoader;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the runnable jar: loads and validates the configuration, starts the embedded
 * PostgreSQL when no database is configured, and stops it on shutdown.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    AppConfig config;
    try {
      config = ConfigLoader.loadFromProcess();
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Optional<EmbeddedDatabase> embedded = config.database().embedded()
        ? Optional.of(EmbeddedDatabase.start(config.database()))
        : Optional.empty();
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> embedded.ifPresent(EmbeddedDatabase::close), "challenge-shutdown"));
    AppConfig effective = embedded.map(database -> withDatabase(config, database.connection())).orElse(config);
    log.info("database: {}", effective.database());
    // Verticle deployment is wired here once the feature modules are merged.
  }

  /** The configuration with the database the service actually connects to (e.g. the embedded one). */
  static AppConfig withDatabase(AppConfig config, DatabaseConfig database) {
    return new AppConfig(config.namespace(), config.catalogPath(), config.clockOffsetSeconds(), config.http(),
        config.grpc(), config.metrics(), database, config.players(), config.events(), config.auth(),
        config.rewards());
  }
}
