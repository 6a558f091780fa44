package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.goal;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reward_claim transitions on a real PostgreSQL; every test works on players of its own. */
class ClaimRepositoryTest {

  private static final Reward SWORD = new Reward(RewardType.ITEM, "sword", 2);
  private static final Instant T1 = T0.plusSeconds(5);
  private static MigratedDatabase db;
  private static ClaimRepository claims;
  private static PlayerRepository players;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create(8);
    claims = new ClaimRepository(db.pool);
    players = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static BeginClaim begin(String user, String period, Instant at) {
    return new BeginClaim(user, "g", period, user + ":g:" + period, SWORD, at);
  }

  private static ClaimStart start(String user) {
    return await(claims.begin(begin(user, "", T0)));
  }

  private static boolean fail(String user, String claimId) {
    return await(claims.fail(new FailClaim(user, "g", "", claimId, T1)));
  }

  /** The player's write that grants the claim together with the goal's claimed state. */
  private static void grant(String user, String claimId, boolean verified, GoalState goal) {
    await(players.write(new PlayerWriteBatch(List.of(new PlayerWrite(user, 0, 1, PlayerStats.EMPTY,
        null, List.of(goal), List.of(), T1, List.of(new ClaimGranted("g", "", claimId, verified)))))));
  }

  private static Row row(String user) {
    return db.queryOne("SELECT * FROM reward_claim WHERE user_id = $1", user);
  }

  @Test
  @DisplayName("the first begin inserts a pending claim with attempt 1 and owns the grant")
  void freshInsert() {
    String user = newUserId();

    ClaimStart start = start(user);

    assertThat(start).isEqualTo(new ClaimStart(true,
        new ClaimRecord(user + ":g::1", ClaimState.PENDING, 1, false, T0, null)));
    Row row = row(user);
    assertThat(row.getString("reward_type")).isEqualTo("ITEM");
    assertThat(row.getString("reward_id")).isEqualTo("sword");
    assertThat(row.getInteger("quantity")).isEqualTo(2);
    assertThat(row.getOffsetDateTime("created_at").toInstant()).isEqualTo(T0);
  }

  @Test
  @DisplayName("a begin while the claim is pending does not own it and sees the pending claim")
  void pendingConflict() {
    String user = newUserId();
    start(user);

    ClaimStart second = await(claims.begin(begin(user, "", T1)));

    assertThat(second).isEqualTo(new ClaimStart(false,
        new ClaimRecord(user + ":g::1", ClaimState.PENDING, 1, false, T0, null)));
  }

  @Test
  @DisplayName("a failed claim is taken again: pending, attempt 2, a new claim id")
  void failedThenRetried() {
    String user = newUserId();
    start(user);

    assertThat(fail(user, user + ":g::1")).isTrue();
    ClaimStart retried = await(claims.begin(begin(user, "", T1.plusSeconds(1))));

    assertThat(retried).isEqualTo(new ClaimStart(true, new ClaimRecord(
        user + ":g::2", ClaimState.PENDING, 2, false, T1.plusSeconds(1), null)));
  }

  @Test
  @DisplayName("failing with another attempt's claim id changes nothing")
  void failWithStaleId() {
    String user = newUserId();
    start(user);

    assertThat(fail(user, user + ":g::7")).isFalse();
    assertThat(row(user).getString("state")).isEqualTo("pending");
  }

  @Test
  @DisplayName("the write that claims the goal grants the claim in the same transaction")
  void grantedByPlayerWrite() {
    String user = newUserId();
    start(user);

    grant(user, user + ":g::1", true, goal("g", GoalStatus.CLAIMED, 10, T1));

    Row row = row(user);
    assertThat(row.getString("state")).isEqualTo("granted");
    assertThat(row.getBoolean("verified")).isTrue();
    assertThat(row.getOffsetDateTime("granted_at").toInstant()).isEqualTo(T1);
    assertThat(db.count("SELECT count(*) FROM player_goal WHERE user_id = $1 AND status = 'claimed'", user))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a granted claim is never owned again: begin answers it as granted")
  void grantedConflict() {
    String user = newUserId();
    start(user);
    grant(user, user + ":g::1", false, goal("g", GoalStatus.CLAIMED, 10, T1));

    ClaimStart again = await(claims.begin(begin(user, "", T1.plusSeconds(60))));

    assertThat(again).isEqualTo(new ClaimStart(false,
        new ClaimRecord(user + ":g::1", ClaimState.GRANTED, 1, false, T1, T1)));
    assertThat(fail(user, user + ":g::1")).isFalse();
  }

  @Test
  @DisplayName("a write whose goal row is refused rolls the claim's grant back with it")
  void grantIsAtomicWithTheGoal() {
    String user = newUserId();
    start(user);
    GoalState claimedNeverCompleted = new GoalState("g", "challenge-a", true, GoalStatus.CLAIMED, 1,
        1, 0, null, T0, null, T1, null, T1);

    failureOf(players.write(new PlayerWriteBatch(List.of(new PlayerWrite(user, 0, 1, PlayerStats.EMPTY,
        null, List.of(claimedNeverCompleted), List.of(), T1,
        List.of(new ClaimGranted("g", "", user + ":g::1", true)))))));

    assertThat(row(user).getString("state")).isEqualTo("pending");
  }

  @Test
  @DisplayName("a granted write for an attempt that is no longer pending is skipped")
  void grantOfSettledAttemptSkipped() {
    String user = newUserId();
    start(user);
    fail(user, user + ":g::1");

    grant(user, user + ":g::1", true, goal("g", GoalStatus.CLAIMED, 10, T1));

    assertThat(row(user).getString("state")).isEqualTo("failed");
  }

  @Test
  @DisplayName("each rotation period is a claim of its own")
  void periodsAreIndependent() {
    String user = newUserId();
    await(claims.begin(begin(user, "2026-03-05T00:00:00Z", T0)));

    ClaimStart nextDay = await(claims.begin(begin(user, "2026-03-06T00:00:00Z", T0)));

    assertThat(nextDay.owned()).isTrue();
    assertThat(nextDay.record().claimId()).isEqualTo(user + ":g:2026-03-06T00:00:00Z:1");
  }

  @Test
  @DisplayName("the schema refuses to move a granted claim anywhere, whatever the statement")
  void grantedIsFinal() {
    String user = newUserId();
    start(user);
    grant(user, user + ":g::1", true, goal("g", GoalStatus.CLAIMED, 10, T1));

    for (String update : List.of("state = 'pending', granted_at = NULL, attempts = attempts + 1",
        "state = 'failed', granted_at = NULL", "period_key = 'another'")) {
      Throwable refused = failureOf(db.pool.preparedQuery(
          "UPDATE reward_claim SET " + update + " WHERE user_id = $1").execute(io.vertx.sqlclient.Tuple.of(user)));
      assertThat(refused).isInstanceOfSatisfying(DatabaseException.class,
          e -> assertThat(e.getSqlState()).isEqualTo("23514"));
    }
    assertThat(row(user).getString("state")).isEqualTo("granted");
  }

  @Test
  @DisplayName("the schema refuses pending → pending: a pending claim cannot be taken over")
  void pendingCannotBeRetaken() {
    String user = newUserId();
    start(user);

    Throwable refused = failureOf(db.pool.preparedQuery(
        "UPDATE reward_claim SET attempts = attempts + 1, claim_id = 'x' WHERE user_id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(user)));

    assertThat(refused).isInstanceOf(DatabaseException.class);
  }

  @Test
  @DisplayName("twenty begins of the same new claim at once: exactly one owns the grant")
  void concurrentBeginsOfANewClaim() {
    String user = newUserId();

    List<ClaimStart> starts = concurrently(user, 20);

    assertThat(starts).filteredOn(ClaimStart::owned).hasSize(1);
    assertThat(starts).allSatisfy(start -> assertThat(start.record().claimId()).isEqualTo(user + ":g::1"));
  }

  @Test
  @DisplayName("twenty begins of the same failed claim at once: exactly one retries it")
  void concurrentBeginsOfAFailedClaim() {
    String user = newUserId();
    start(user);
    fail(user, user + ":g::1");

    List<ClaimStart> starts = concurrently(user, 20);

    assertThat(starts).filteredOn(ClaimStart::owned).hasSize(1);
    assertThat(row(user).getInteger("attempts")).isEqualTo(2);
  }

  private static List<ClaimStart> concurrently(String user, int count) {
    List<Future<ClaimStart>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(claims.begin(begin(user, "", T1)));
    }
    await(Future.all(started));
    return started.stream().map(Future::result).toList();
  }
}
