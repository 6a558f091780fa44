package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.progress.Crossings;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every test starts from an empty database of its own. */
class MigrationsTest {

  private static Vertx vertx;
  private TestPostgres postgres;
  private final List<Pool> pools = new ArrayList<>();

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    await(vertx.close());
  }

  @BeforeEach
  void createDatabase() {
    postgres = TestPostgres.create();
  }

  @AfterEach
  void dropDatabase() {
    pools.forEach(pool -> await(pool.close()));
    postgres.close();
  }

  @Test
  @DisplayName("an empty database gets every migration, recorded with its checksum")
  void appliesEverythingToAnEmptyDatabase() {
    Pool pool = pool();

    List<Integer> applied = await(Migrations.fromClasspath(pool).run());

    assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6);
    Row tables = await(pool.query("""
        SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'
          AND tablename IN ('player', 'default_goal_set', 'player_goal', 'event_receipt',
                            'reward_claim')""")
        .execute()).iterator().next();
    assertThat(tables.getLong("n")).isEqualTo(5);
    List<String> recorded = new ArrayList<>();
    await(pool.query("SELECT version, description, checksum FROM schema_migrations ORDER BY 1")
        .execute()).forEach(row -> recorded.add(row.getInteger("version") + " "
            + row.getString("description") + " " + row.getString("checksum")));
    List<Migration> files = MigrationFiles.load();
    assertThat(recorded).containsExactly(
        "1 players " + files.get(0).checksum(),
        "2 player goals " + files.get(1).checksum(),
        "3 event receipts " + files.get(2).checksum(),
        "4 reward claims " + files.get(3).checksum(),
        "5 goal versions " + files.get(4).checksum(),
        "6 player crossings " + files.get(5).checksum());
  }

  @Test
  @DisplayName("a second run on an up-to-date database applies nothing")
  void secondRunIsANoOp() {
    Pool pool = pool();
    await(Migrations.fromClasspath(pool).run());

    List<Integer> applied = await(Migrations.fromClasspath(pool).run());

    assertThat(applied).isEmpty();
  }

  @Test
  @DisplayName("only the migrations the database lacks are applied")
  void appliesOnlyWhatIsMissing() {
    Pool pool = pool();
    List<Migration> all = MigrationFiles.load();
    await(new Migrations(pool, all.subList(0, 2)).run());

    List<Integer> applied = await(new Migrations(pool, all).run());

    assertThat(applied).containsExactly(3, 4, 5, 6);
  }

  @Test
  @DisplayName("a migration edited after it was applied stops the run with a message naming it")
  void editedMigrationFails() {
    Pool pool = pool();
    await(Migrations.fromClasspath(pool).run());
    List<Migration> edited = new ArrayList<>(MigrationFiles.load());
    Migration original = edited.get(1);
    edited.set(1, Migration.of(original.fileName(), original.sql() + "\n-- tweak\n"));

    Throwable failure = failureOf(new Migrations(pool, edited).run());

    assertThat(failure).isInstanceOf(MigrationException.class)
        .hasMessageContaining("V2__player_goals.sql")
        .hasMessageContaining("edited after it was applied");
  }

  @Test
  @DisplayName("line endings do not count as an edit")
  void crlfIsNotAnEdit() {
    Migration unix = Migration.of("V1__x.sql", "CREATE TABLE x (id int);\nSELECT 1;\n");
    Migration windows = Migration.of("V1__x.sql", "CREATE TABLE x (id int);\r\nSELECT 1;\r\n");

    assertThat(windows.checksum()).isEqualTo(unix.checksum());
  }

  @Test
  @DisplayName("two runners started together apply each migration exactly once")
  void concurrentRunnersApplyOnce() {
    List<Migration> migrations = List.of(
        Migration.of("V1__marker.sql", "SELECT pg_sleep(0.2); CREATE TABLE marker (n int);"),
        Migration.of("V2__mark.sql", "INSERT INTO marker VALUES (1);"));
    Future<List<Integer>> first = new Migrations(pool(), migrations).run();
    Future<List<Integer>> second = new Migrations(pool(), migrations).run();

    await(Future.all(first, second));

    List<Integer> appliedByBoth = new ArrayList<>(first.result());
    appliedByBoth.addAll(second.result());
    assertThat(appliedByBoth).containsExactlyInAnyOrder(1, 2);
    Row marker = await(pool().query("SELECT count(*) AS n FROM marker").execute())
        .iterator().next();
    assertThat(marker.getLong("n")).isEqualTo(1);
  }

  @Test
  @DisplayName("a failing migration leaves no trace and the run fails naming its file")
  void failedMigrationRollsBack() {
    Pool pool = pool();
    List<Migration> migrations = List.of(
        Migration.of("V1__fine.sql", "CREATE TABLE fine (n int);"),
        Migration.of("V2__broken.sql", "CREATE TABLE half (n int); SELECT 1 / 0;"));

    Throwable failure = failureOf(new Migrations(pool, migrations).run());

    assertThat(failure).isInstanceOf(MigrationException.class)
        .hasMessageContaining("V2__broken.sql");
    Row state = await(pool.query("""
        SELECT (SELECT array_agg(version) FROM schema_migrations) AS versions,
               to_regclass('fine') IS NOT NULL AS fine, to_regclass('half') IS NOT NULL AS half""")
        .execute()).iterator().next();
    assertThat(state.getArrayOfIntegers("versions")).containsExactly(1);
    assertThat(state.getBoolean("fine")).isTrue();
    assertThat(state.getBoolean("half")).isFalse();
  }

  @Test
  @DisplayName("the classpath holds V1..V6 in version order")
  void classpathMigrationsAreOrdered() {
    assertThat(MigrationFiles.load()).extracting(Migration::fileName).containsExactly(
        "V1__players.sql", "V2__player_goals.sql", "V3__event_receipts.sql",
        "V4__reward_claims.sql", "V5__goal_versions.sql", "V6__player_crossings.sql");
  }

  @Test
  @DisplayName("a player row written before V6 loads after it, with its stats and no crossings")
  void playerBeforeCrossingsLoads() {
    Pool pool = pool();
    List<Migration> all = MigrationFiles.load();
    await(new Migrations(pool, all.subList(0, 5)).run());
    await(pool.query("""
        INSERT INTO player (user_id, version, seq, login_count, stats, updated_at)
        VALUES ('old', 3, 3, 1, '{"kills": [12, 2]}', now())""").execute());

    await(new Migrations(pool, all).run());
    PlayerProgress loaded = await(new PlayerRepository(pool)
        .load("old", Duration.ofMinutes(10), Instant.now())).progress();

    assertThat(loaded.stats()).isEqualTo(
        new PlayerStats(3, 1, Map.of("kills", new StatValue(12, 2)), Crossings.NONE));
  }

  @Test
  @DisplayName("a file not named V<n>__<description>.sql is refused")
  void badFileNameIsRefused() {
    assertThatThrownBy(() -> Migration.of("players.sql", "SELECT 1"))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("players.sql");
  }

  private Pool pool() {
    Pool pool = PgPools.create(vertx, postgres.config(2));
    pools.add(pool);
    return pool;
  }
}
