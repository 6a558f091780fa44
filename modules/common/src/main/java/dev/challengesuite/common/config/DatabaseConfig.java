package dev.challengesuite.common.config;

/**
 * PostgreSQL: {@code database.*}. An empty {@code host} means "nothing configured": the launcher
 * then starts an embedded PostgreSQL with its data in {@code embeddedDataDir}.
 */
public record DatabaseConfig(
    String host,
    int port,
    String name,
    String user,
    String password,
    int poolSize,
    String embeddedDataDir,
    int embeddedPort) {

  public boolean embedded() {
    return host == null || host.isEmpty();
  }

  /** Same settings with the password hidden, for logs. */
  @Override
  public String toString() {
    return "DatabaseConfig[host=%s, port=%d, name=%s, user=%s, password=%s, poolSize=%d, embeddedDataDir=%s, embeddedPort=%d]"
        .formatted(host, port, name, user, password == null || password.isEmpty() ? "" : "***",
            poolSize, embeddedDataDir, embeddedPort);
  }
}
