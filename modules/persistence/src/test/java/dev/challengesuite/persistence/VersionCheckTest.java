package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.goal;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.stats;
import static dev.challengesuite.persistence.Fixtures.statsOnly;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static dev.challengesuite.persistence.MigratedDatabase.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.progress.StatValue;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on the player row: a write is stored only if the player's stored version
 * is the one it was computed from, and then all of it (player row, goals, receipts, claims) or
 * nothing of it. Every test works on players of its own.
 */
class VersionCheckTest {

  private static final Duration WINDOW = Duration.ofMinutes(10);
  private static final Instant T1 = T0.plusSeconds(5);
  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create(8);
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static WriteResult write(PlayerWrite... writes) {
    return await(repository.write(new PlayerWriteBatch(List.of(writes))));
  }

  private static PlayerProgress stored(String user) {
    return await(repository.load(user, WINDOW, T1)).progress();
  }

  /** Version 2 of the player as another instance wrote it: kills 5. */
  private static String playerAtVersion2() {
    String user = newUserId();
    write(statsOnly(user, 1, T0));
    write(Fixtures.write(user, 2, stats(2, 0, Map.of("kills", new StatValue(5, 2))), null,
        List.of(goal("g", GoalStatus.IN_PROGRESS, 5, T0)), List.of(), T0));
    return user;
  }

  @Test
  @DisplayName("a write computed from an older version stores nothing of that player and is named")
  void staleWriteStoresNothing() {
    String user = playerAtVersion2();
    PlayerProgress before = stored(user);

    WriteResult result = write(Fixtures.write(user, 2,
        stats(9, 3, Map.of("kills", new StatValue(99, 9))), null,
        List.of(goal("g", GoalStatus.COMPLETED, 99, T1), goal("h", GoalStatus.IN_PROGRESS, 1, T1)),
        List.of("late-event"), T1));

    assertThat(result.conflicted()).containsExactly(user);
    assertThat(stored(user)).isEqualTo(before);
    assertThat(await(repository.load(user, WINDOW, T1)).recentEventIds()).isEmpty();
  }

  @Test
  @DisplayName("the other players of a batch with a conflict are stored")
  void othersOfTheBatchCommit() {
    String stale = playerAtVersion2();
    String fresh = playerAtVersion2();
    String created = newUserId();
    PlayerStats newStats = stats(3, 0, Map.of("kills", new StatValue(7, 3)));

    WriteResult result = write(
        Fixtures.write(stale, 2, newStats, null, List.of(), List.of("e-stale"), T1),
        Fixtures.write(fresh, 3, newStats, null, List.of(goal("g", GoalStatus.COMPLETED, 7, T1)),
            List.of("e-fresh"), T1),
        Fixtures.write(created, 1, newStats, null, List.of(), List.of("e-created"), T1));

    assertThat(result.conflicted()).containsExactly(stale);
    assertThat(stored(fresh).version()).isEqualTo(3);
    assertThat(stored(fresh).goals().get("g").status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(await(repository.load(fresh, WINDOW, T1)).recentEventIds()).containsExactly("e-fresh");
    assertThat(stored(created).stats()).isEqualTo(newStats);
    assertThat(stored(stale).version()).isEqualTo(2);
  }

  @Test
  @DisplayName("inserting a player (expected version 0) whose row another instance inserted is a conflict")
  void insertOverExistingRowConflicts() {
    String user = newUserId();
    write(Fixtures.write(user, 1, stats(1, 1, Map.of()), null, List.of(), List.of(), T0));

    WriteResult result = write(Fixtures.write(user, 1, stats(1, 0, Map.of("kills", new StatValue(4, 1))),
        null, List.of(goal("g", GoalStatus.IN_PROGRESS, 4, T1)), List.of(), T1));

    assertThat(result.conflicted()).containsExactly(user);
    assertThat(stored(user).stats()).isEqualTo(stats(1, 1, Map.of()));
    assertThat(stored(user).goals()).isEmpty();
  }

  @Test
  @DisplayName("a conflicted write does not grant its claim: the claim stays pending")
  void conflictedWriteGrantsNoClaim() {
    String user = playerAtVersion2();
    await(new ClaimRepository(db.pool).begin(new BeginClaim(user, "g", "", user + ":g:",
        new Reward(RewardType.ITEM, "sword", 1), T0)));

    WriteResult result = write(new PlayerWrite(user, 1, 2, PlayerStats.EMPTY, null,
        List.of(goal("g", GoalStatus.CLAIMED, 10, T1)), List.of(), T1,
        List.of(new ClaimGranted("g", "", user + ":g::1", true))));

    assertThat(result.conflicted()).containsExactly(user);
    assertThat(db.queryOne("SELECT state FROM reward_claim WHERE user_id = $1", user).getString(0))
        .isEqualTo("pending");
  }

  @Test
  @DisplayName("of 20 concurrent writes from the same version, exactly one is stored")
  void concurrentWritesFromOneVersion() {
    String user = playerAtVersion2();
    List<Future<WriteResult>> writes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      writes.add(repository.write(new PlayerWriteBatch(List.of(Fixtures.write(user, 3,
          stats(3, 0, Map.of("kills", new StatValue(100 + i, 3))), null, List.of(), List.of("e" + i), T1)))));
    }
    await(Future.all(writes));

    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      if (writes.get(i).result().conflicted().isEmpty()) {
        winners.add(i);
      }
    }
    assertThat(winners).hasSize(1);
    StoredPlayer stored = await(repository.load(user, WINDOW, T1));
    assertThat(stored.progress().stats().stat("kills").value()).isEqualTo(100 + winners.get(0));
    assertThat(stored.recentEventIds()).containsExactly("e" + winners.get(0));
  }

  @Test
  @DisplayName("a write that does not advance the version by exactly one is refused with INTERNAL")
  void versionMustAdvanceByOne() {
    String user = newUserId();

    Throwable failure = failureOf(repository.write(new PlayerWriteBatch(List.of(
        new PlayerWrite(user, 0, 2, PlayerStats.EMPTY, null, List.of(), List.of(), T0)))));

    assertThat(failure).isInstanceOf(ChallengeException.class);
    assertThat(((ChallengeException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(stored(user)).isEqualTo(PlayerProgress.empty(user));
  }
}
