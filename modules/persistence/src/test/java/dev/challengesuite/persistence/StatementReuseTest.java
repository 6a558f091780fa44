package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.statsOnly;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.sqlclient.Row;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The batch write runs all day: each connection must parse it once and reuse one generic plan.
 * Before this was checked, the statement was longer than the client's cache limit and PostgreSQL
 * parsed and planned it on every execution, at twice the cost of running it.
 */
class StatementReuseTest {

  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    // one connection, so that pg_prepared_statements (per session) sees every execution
    db = MigratedDatabase.create(1);
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  @DisplayName("the batch write is prepared once per connection and always runs its generic plan")
  void batchWriteIsPreparedOnceWithAGenericPlan() {
    for (int i = 0; i < 12; i++) {
      await(repository.write(new PlayerWriteBatch(List.of(statsOnly(newUserId(), 1, T0)))));
    }

    Row prepared = db.queryOne("""
        SELECT count(*) AS statements, sum(generic_plans) AS generic, sum(custom_plans) AS custom
        FROM pg_prepared_statements WHERE statement LIKE 'WITH written AS%'""");

    assertThat(prepared.getLong("statements")).isEqualTo(1);
    assertThat(prepared.getLong("custom")).isZero();
    assertThat(prepared.getLong("generic")).isEqualTo(12);
  }

  @Test
  @DisplayName("every statement of the module fits in the client's prepared-statement cache")
  void everyStatementIsShortEnoughToBeCached() throws IllegalAccessException {
    for (Field field : Sql.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        assertThat(((String) field.get(null)).length())
            .as(field.getName())
            .isLessThan(PgPools.STATEMENT_CACHE_SQL_LIMIT);
      }
    }
  }
}
