package dev.challengesuite.bench.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Creates and drops the fresh database each managed run uses, on the machine's PostgreSQL. */
public final class BenchDatabase {

  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private BenchDatabase() {}

  /** A new name such as {@code bench_20250101_120000_ab12}. */
  public static String newName() {
    return "bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
        + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  public static Future<Void> create(Vertx vertx, PgConnectOptions server, String name) {
    return adminStatement(vertx, server, "CREATE DATABASE " + checked(name));
  }

  /** Drops the database, closing the connections still open to it. */
  public static Future<Void> drop(Vertx vertx, PgConnectOptions server, String name) {
    return adminStatement(vertx, server, "DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
  }

  /** The major version of the server ({@code 15} for 15.x), for the default outage commands. */
  public static Future<Integer> majorVersion(Vertx vertx, PgConnectOptions server) {
    SqlClient client = PgBuilder.client().connectingTo(server).using(vertx).build();
    return client.query("SHOW server_version_num").execute()
        .map(rows -> Integer.parseInt(rows.iterator().next().getString(0)) / 10000)
        .eventually(client::close);
  }

  private static Future<Void> adminStatement(Vertx vertx, PgConnectOptions server, String sql) {
    SqlClient client = PgBuilder.client()
        .connectingTo(new PgConnectOptions(server).setDatabase("postgres"))
        .using(vertx)
        .build();
    return client.query(sql).execute().<Void>mapEmpty().eventually(client::close);
  }

  /** Database names go into DDL text: only plain lower-case identifiers are accepted. */
  static String checked(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    return name;
  }
}
