package dev.challengesuite.cache.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.InitializeOutcome;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.time.ServiceClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlayerPartitionTest {

  private static Goal goal(String id, EventSource source, String statCode, int target) {
    return new Goal(id, id, "", "c1", source, true, new Requirement(statCode, ">=", target, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "item", 1), List.of(), null);
  }

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(new Challenge("c1", "C1", "", List.of(
      goal("kills", EventSource.STATISTIC, "enemy_kills", 10), goal("logins", EventSource.LOGIN, "login_count", 3))))), "h");

  private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");

  private final FakePlayerStore store = new FakePlayerStore();

  private PlayerPartition partition(int maxBatchPlayers, int maxPendingEvents, int maxCachedPlayers) {
    return new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
        new PlayerPartition.Limits(Duration.ofMinutes(10), maxBatchPlayers, maxPendingEvents, maxCachedPlayers),
        Runnable::run);
  }

  private PlayerPartition partition() {
    return partition(100, 1000, 1000);
  }

  private static PlayerEvent kills(String user, int value) {
    return new PlayerEvent.Stat("", user, "enemy_kills", value, 1);
  }

  @Test
  @DisplayName("A player is loaded once and then served from memory")
  void loadsOnce() {
    PlayerPartition players = partition();

    players.get("alice");
    players.get("alice");

    assertThat(store.loads).isEqualTo(1);
  }

  @Test
  @DisplayName("An event is acknowledged only once its write has committed")
  void acknowledgesAfterCommit() {
    PlayerPartition players = partition();

    Future<Void> ack = players.apply(kills("alice", 4));
    assertThat(ack.isComplete()).isFalse();

    store.commitNext();
    assertThat(ack.succeeded()).isTrue();
  }

  @Test
  @DisplayName("Reads show committed changes only")
  void readsShowCommittedOnly() {
    PlayerPartition players = partition();
    players.apply(kills("alice", 4));

    assertThat(players.get("alice").result().stats().stat("enemy_kills")).isNull();
    store.commitNext();
    assertThat(players.get("alice").result().stats().stat("enemy_kills").value()).isEqualTo(4);
  }

  @Test
  @DisplayName("Events that arrive while a write is in flight are committed together in the next batch")
  void groupCommit() {
    PlayerPartition players = partition();
    players.apply(kills("alice", 1));
    players.apply(kills("bob", 2));
    players.apply(kills("carol", 3));
    players.apply(kills("bob", 5));

    assertThat(store.batches).hasSize(1);
    store.commitNext();

    assertThat(store.batches).hasSize(2);
    assertThat(store.batches.get(1).writes()).extracting(w -> w.userId()).containsExactly("bob", "carol");
    assertThat(store.batches.get(1).writes().get(0).stats().stat("enemy_kills").value()).isEqualTo(5);
  }

  @Test
  @DisplayName("A batch holds at most maxBatchPlayers players; the rest follow in the next one")
  void batchesAreBounded() {
    PlayerPartition players = partition(2, 1000, 1000);
    players.apply(kills("p0", 1));
    for (int i = 1; i <= 3; i++) {
      players.apply(kills("p" + i, 1));
    }
    store.commitNext();
    store.commitNext();

    assertThat(store.batches).extracting(b -> b.writes().size()).containsExactly(1, 2, 1);
  }

  @Test
  @DisplayName("Each write carries the version it was computed from and the next one")
  void versionsAdvance() {
    PlayerPartition players = partition();
    players.apply(kills("alice", 1));
    store.commitNext();
    players.apply(kills("alice", 2));
    store.commitNext();

    assertThat(store.batches).extracting(b -> b.writes().get(0).expectedVersion() + "->" + b.writes().get(0).version())
        .containsExactly("0->1", "1->2");
  }

  @Test
  @DisplayName("A failed write fails its events with UNAVAILABLE and the player is reloaded from the store")
  void failedWriteDropsPlayer() {
    PlayerPartition players = partition();
    Future<Void> first = players.apply(kills("alice", 1));
    Future<Void> dependent = players.apply(kills("alice", 2));

    store.failNext();

    assertThat(((ChallengeException) first.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(((ChallengeException) dependent.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(players.pendingEvents()).isZero();
    players.get("alice");
    assertThat(store.loads).isEqualTo(2);
  }

  @Test
  @DisplayName("A batch the database refuses is retried player by player, so only the bad player fails")
  void badRowFailsOnlyItsPlayer() {
    PlayerPartition players = partition();
    players.apply(kills("a", 1));
    Future<Void> b = players.apply(kills("b", 1));
    Future<Void> bad = players.apply(kills("bad", 1));
    Future<Void> c = players.apply(kills("c", 1));
    store.refusedUser = "bad";

    store.commitNext();
    store.commitNext();
    store.commitNext();

    assertThat(b.succeeded()).isTrue();
    assertThat(c.succeeded()).isTrue();
    assertThat(((ChallengeException) bad.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(store.batches).extracting(batch -> batch.writes().size()).containsExactly(1, 3, 1, 1, 1);
  }

  @Test
  @DisplayName("When the database is unavailable the whole batch fails at once, without per-player retries")
  void unavailableFailsBatch() {
    PlayerPartition players = partition();
    players.apply(kills("a", 1));
    Future<Void> b = players.apply(kills("b", 1));
    Future<Void> c = players.apply(kills("c", 1));
    store.commitNext();

    store.failNextUnavailable();

    assertThat(b.failed()).isTrue();
    assertThat(c.failed()).isTrue();
    assertThat(store.batches).hasSize(2);
  }

  @Test
  @DisplayName("Events beyond maxPendingEvents are refused with RESOURCE_EXHAUSTED")
  void boundedPending() {
    PlayerPartition players = partition(100, 2, 1000);
    players.apply(kills("a", 1));
    players.apply(kills("b", 1));

    Future<Void> refused = players.apply(kills("c", 1));

    assertThat(((ChallengeException) refused.cause()).code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
  }

  @Test
  @DisplayName("A login event delivered twice with the same id counts once")
  void duplicateLoginCountsOnce() {
    PlayerPartition players = partition();
    players.apply(new PlayerEvent.Login("evt-1", "alice"));
    store.commitNext();

    Future<Void> again = players.apply(new PlayerEvent.Login("evt-1", "alice"));

    assertThat(again.succeeded()).isTrue();
    assertThat(players.get("alice").result().stats().loginCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("A login id already recorded in the store before a restart is recognised as a duplicate")
  void duplicateAcrossRestart() {
    partition().apply(new PlayerEvent.Login("evt-1", "alice"));
    store.commitNext();

    PlayerPartition restarted = partition();
    restarted.apply(new PlayerEvent.Login("evt-1", "alice"));

    assertThat(store.batches).hasSize(1);
    assertThat(restarted.get("alice").result().stats().loginCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("The first initialize records the player's defaults in one write; the second writes nothing")
  void initializeOnce() {
    PlayerPartition players = partition();
    Future<InitializeOutcome> first = players.initialize("alice");
    store.commitNext();
    Future<InitializeOutcome> second = players.initialize("alice");

    assertThat(first.result().newlyAssigned()).containsExactly("kills", "logins");
    assertThat(store.batches).hasSize(1);
    assertThat(store.batches.get(0).writes().get(0).initialization()).isNotNull();
    assertThat(second.result().newlyAssigned()).isEmpty();
  }

  @Test
  @DisplayName("An event completing an implicit default goal writes no goal row; a restart still shows it completed")
  void derivedCompletionSurvivesRestart() {
    PlayerPartition players = partition();
    players.initialize("alice");
    store.commitNext();

    players.apply(kills("alice", 12));
    store.commitNext();

    assertThat(store.batches.getLast().writes().getFirst().goals()).isEmpty();
    PlayerProgress reloaded = partition().get("alice").result();
    GoalState kills = reloaded.goal(CATALOG.goal("kills"));
    assertThat(kills.status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(kills.completedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("Idle players beyond the cache size are evicted, least recently used first")
  void evictsLeastRecentlyUsed() {
    PlayerPartition players = partition(100, 1000, 2);
    players.get("a");
    players.get("b");
    players.get("a");
    players.get("c");

    assertThat(players.cachedPlayers()).isEqualTo(2);
    int loads = store.loads;
    players.get("a");
    assertThat(store.loads).isEqualTo(loads);
    players.get("b");
    assertThat(store.loads).isEqualTo(loads + 1);
  }

  @Test
  @DisplayName("Draining completes once every accepted event is durable")
  void drains() {
    PlayerPartition players = partition();
    players.apply(kills("a", 1));
    players.apply(kills("b", 1));
    Future<Void> drained = players.drained();

    store.commitNext();
    assertThat(drained.isComplete()).isFalse();
    store.commitNext();
    assertThat(drained.succeeded()).isTrue();
  }

  @Test
  @DisplayName("An event that no goal listens to writes nothing")
  void unknownStatWritesNothing() {
    PlayerPartition players = partition();

    Future<Void> ack = players.apply(new PlayerEvent.Stat("", "alice", "unknown", 5, 1));

    assertThat(ack.succeeded()).isTrue();
    assertThat(store.batches).isEmpty();
    assertThat(players.get("alice").result()).isEqualTo(PlayerProgress.empty("alice"));
  }
}
