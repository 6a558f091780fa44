package dev.challengesuite.cache.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.cache.cluster.CacheTrust;
import dev.challengesuite.cache.cluster.PlayerChange;
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
import dev.challengesuite.common.player.ClaimOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.time.ServiceClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: two partitions share one {@link FakePlayerStore}, whose writes
 * apply only at the expected version, as the SQL does. Announcements between them are delivered by
 * the test ({@link PlayerPartition#invalidate}), so each test decides what was heard and when.
 */
class PlayerPartitionClusterTest {

  private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");

  private static Goal goal(String id, EventSource source, String statCode, int target) {
    return new Goal(id, id, "", "c1", source, false, new Requirement(statCode, ">=", target, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "item", 1), List.of(), null);
  }

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(new Challenge("c1", "C1", "",
      List.of(goal("kills", EventSource.STATISTIC, "enemy_kills", 10),
          goal("logins", EventSource.LOGIN, "login_count", 100))))), "h");

  private final FakePlayerStore store = new FakePlayerStore();
  private final FakeRewards rewards = new FakeRewards();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<PlayerChange> announcedByB = new ArrayList<>();
  private final CacheTrust trustA = listening();
  private final CacheTrust trustB = listening();
  /** Instance A. */
  private final PlayerPartition a = partition(trustA, new ArrayList<>(), new SimpleMeterRegistry());
  /** Instance B, whose announcements and metrics the tests look at. */
  private final PlayerPartition b = partition(trustB, announcedByB, registry);

  private static CacheTrust listening() {
    CacheTrust trust = CacheTrust.shared();
    trust.listening(true);
    return trust;
  }

  private PlayerPartition partition(CacheTrust trust, List<PlayerChange> announced, SimpleMeterRegistry registry) {
    PlayerPartition partition = new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
        new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1000), Runnable::run, new SecureRandom(),
        new PlayerPartition.ClaimSettings("ns", rewards, Duration.ofSeconds(30)));
    partition.measureWith(registry, 0);
    partition.clusterWith(trust, announced::addAll);
    return partition;
  }

  private static PlayerEvent login(String user) {
    return new PlayerEvent.Login("", user);
  }

  /** Another instance's login of the player, committed behind both partitions' backs. */
  private PlayerProgress loginElsewhere(String user) {
    return store.writeElsewhere(user, player -> new PlayerProgress(user, player.version(),
        new PlayerStats(player.stats().seq() + 1, player.stats().loginCount() + 1, player.stats().stats(),
            player.stats().crossings()),
        player.initialization(), player.goals()));
  }

  private static int logins(Future<PlayerProgress> player) {
    return player.result().stats().loginCount();
  }

  // ---- announcements ----

  @Test
  @DisplayName("A newer version announced by another instance drops an idle player: the next read loads it again")
  void announcementDropsIdlePlayer() {
    b.get("alice");
    a.apply(login("alice"));
    store.commitNext();

    b.invalidate("alice", 1);

    assertThat(b.cachedPlayers()).isZero();
    assertThat(logins(b.get("alice"))).isEqualTo(1);
  }

  @Test
  @DisplayName("After an announcement, the next load reads only what changed since the copy it dropped")
  void announcementLoadsOnlyChanges() {
    PlayerProgress held = b.get("alice").result();
    a.apply(login("alice"));
    store.commitNext();
    b.invalidate("alice", 1);

    b.get("alice");

    assertThat(store.refreshes).isEqualTo(1);
    assertThat(store.lastKnown).isSameAs(held);
  }

  @Test
  @DisplayName("A player evicted for memory is loaded in full next time")
  void evictedPlayerLoadsInFull() {
    PlayerPartition small = new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
        new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1), Runnable::run, new SecureRandom(),
        new PlayerPartition.ClaimSettings("ns", rewards, Duration.ofSeconds(30)));
    small.get("alice");
    small.get("bob");

    small.get("alice");

    assertThat(store.loads).isEqualTo(3);
    assertThat(store.refreshes).isZero();
  }

  @Test
  @DisplayName("An announcement of a version already held changes nothing")
  void announcementOfHeldVersion() {
    b.apply(login("alice"));
    store.commitNext();
    int loads = store.loads;

    b.invalidate("alice", 1);

    assertThat(logins(b.get("alice"))).isEqualTo(1);
    assertThat(store.loads).isEqualTo(loads);
  }

  @Test
  @DisplayName("A player with a write in flight stays through an announcement; the write's version check settles it")
  void announcementDuringWrite() {
    b.get("alice");
    a.apply(login("alice"));
    Future<Void> ackB = b.apply(login("alice"));
    store.commitNext();

    b.invalidate("alice", 1);
    assertThat(b.cachedPlayers()).isEqualTo(1);
    store.commitNext();
    store.commitNext();

    assertThat(ackB.succeeded()).isTrue();
    assertThat(store.conflicts).containsExactly("alice");
    assertThat(store.rows.get("alice").stats().loginCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("A load in flight when a newer version is announced is not served to later commands")
  void announcementDuringLoad() {
    store.holdLoads = true;
    Future<PlayerProgress> first = b.get("alice");
    loginElsewhere("alice");

    b.invalidate("alice", 1);
    store.answerLoad();
    store.holdLoads = false;

    assertThat(logins(first)).isZero();
    assertThat(logins(b.get("alice"))).isEqualTo(1);
  }

  // ---- the version check ----

  @Test
  @DisplayName("An event whose write lost the version check runs once more on the stored state: counted once, on top")
  void conflictRunsOnceMore() {
    b.get("alice");
    loginElsewhere("alice");

    Future<Void> ack = b.apply(login("alice"));
    store.commitNext();
    assertThat(ack.isComplete()).isFalse();
    store.commitNext();

    assertThat(ack.succeeded()).isTrue();
    assertThat(store.rows.get("alice").stats().loginCount()).isEqualTo(2);
    assertThat(store.batches).extracting(batch -> batch.writes().getFirst().expectedVersion())
        .containsExactly(0L, 1L);
    assertThat(registry.get("challenge.write.conflicts").counter().count()).isEqualTo(1);
    assertThat(store.refreshes).as("the rerun reads only the changes since the committed copy").isEqualTo(1);
  }

  @Test
  @DisplayName("A second lost version check fails the command with UNAVAILABLE and stores nothing of it")
  void secondConflictFails() {
    b.get("alice");
    loginElsewhere("alice");
    Future<Void> ack = b.apply(login("alice"));
    store.commitNext();
    loginElsewhere("alice");

    store.commitNext();

    ChallengeException failure = (ChallengeException) ack.cause();
    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(failure).hasMessage("player changed on another instance; retry");
    assertThat(store.rows.get("alice").stats().loginCount()).isEqualTo(2);
    assertThat(logins(b.get("alice"))).isEqualTo(2);
  }

  @Test
  @DisplayName("Events queued behind a lost write run once more too, each applied once")
  void dependentWritesRunOnceMore() {
    b.get("alice");
    loginElsewhere("alice");
    Future<Void> first = b.apply(login("alice"));
    Future<Void> second = b.apply(login("alice"));

    store.commitNext();
    store.commitNext();

    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).isTrue();
    assertThat(store.rows.get("alice").stats().loginCount()).isEqualTo(3);
    assertThat(b.pendingEvents()).isZero();
  }

  @Test
  @DisplayName("A set-active reads the player from the database first, so it never decides on a copy older than another instance's change")
  void decisionsReadTheStoredState() {
    a.setActive(new PlayerCommand.SetActive("alice", "c1", "kills", true));
    store.commitNext();
    b.get("alice");
    a.setActive(new PlayerCommand.SetActive("alice", "c1", "kills", false));
    store.commitNext();

    b.setActive(new PlayerCommand.SetActive("alice", "c1", "kills", true));
    store.commitNext();

    assertThat(store.rows.get("alice").goals().get("kills").active()).isTrue();
    assertThat(registry.get("challenge.players.reread").tag("reason", "fresh").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("A claim whose write lost the version check is written once more on the stored state: one grant, claimed")
  void claimWriteRunsOnceMore() {
    b.setActive(new PlayerCommand.SetActive("alice", "c1", "kills", true));
    store.commitNext();
    b.apply(new PlayerEvent.Stat("", "alice", "enemy_kills", 12, 12));
    store.commitNext();

    Future<ClaimOutcome> claim = b.claim(new PlayerCommand.Claim("alice", "c1", "kills"));
    loginElsewhere("alice");
    rewards.granted();
    store.commitNext();
    store.commitNext();

    assertThat(claim.succeeded()).isTrue();
    assertThat(rewards.sent).hasSize(1);
    PlayerProgress stored = store.rows.get("alice");
    assertThat(stored.goals().get("kills").status()).isEqualTo(GoalStatus.CLAIMED);
    assertThat(stored.stats().loginCount()).isEqualTo(1);
    assertThat(store.claim("alice", "kills", "").state()).isEqualTo(ClaimState.GRANTED);
  }

  // ---- trust in the cache ----

  @Test
  @DisplayName("While the change feed is down, every read of an idle player goes to the database")
  void untrustedReadsReload() {
    trustB.listening(false);
    b.get("alice");
    loginElsewhere("alice");

    assertThat(logins(b.get("alice"))).isEqualTo(1);
    assertThat(store.loads).isEqualTo(2);
    assertThat(registry.get("challenge.players.reread").tag("reason", "untrusted").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("After the feed resubscribes, a player loaded before is read again once, then served from memory")
  void resubscriptionReloadsOnce() {
    b.get("alice");
    loginElsewhere("alice");

    trustB.gap();
    Future<PlayerProgress> afterGap = b.get("alice");
    b.get("alice");

    assertThat(logins(afterGap)).isEqualTo(1);
    assertThat(store.loads).isEqualTo(2);
  }

  @Test
  @DisplayName("Alone, a player is loaded once whatever the commands (no feed to distrust)")
  void aloneNeverRereads() {
    PlayerPartition alone = new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
        new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1000), Runnable::run);
    alone.get("alice");
    alone.setActive(new PlayerCommand.SetActive("alice", "c1", "kills", true));
    store.commitNext();
    alone.initialize("alice");
    alone.get("alice");

    assertThat(store.loads).isEqualTo(1);
  }

  // ---- announcing ----

  @Test
  @DisplayName("Committed players are announced with their new version; a player that lost the version check is not")
  void announcesCommittedPlayers() {
    b.get("carol");
    loginElsewhere("carol");
    b.apply(login("alice"));
    b.apply(login("bob"));
    b.apply(login("carol"));
    store.commitNext();

    store.commitNext();
    assertThat(store.batches.get(1).writes()).extracting(write -> write.userId()).containsExactly("bob", "carol");
    assertThat(announcedByB).containsExactly(new PlayerChange("alice", 1), new PlayerChange("bob", 1));
    store.commitNext();

    assertThat(announcedByB).endsWith(new PlayerChange("carol", 2));
  }

  @Test
  @DisplayName("Alone, nothing is announced")
  void aloneAnnouncesNothing() {
    List<PlayerChange> announced = new ArrayList<>();
    PlayerPartition alone = new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
        new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1000), Runnable::run);
    alone.clusterWith(CacheTrust.alone(), announced::addAll);

    alone.apply(login("alice"));
    store.commitNext();

    assertThat(announced).isEmpty();
  }
}
