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
import dev.challengesuite.common.player.ActivationOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.player.SelectionOutcome;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.time.ServiceClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlayerPartitionSelectionTest {

  private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");

  private static Goal goal(String id, boolean defaultAssigned) {
    return new Goal(id, id, "", "c1", EventSource.STATISTIC, defaultAssigned,
        new Requirement("kills", ">=", 10, ProgressMode.ABSOLUTE), new Reward(RewardType.ITEM, "item", 1),
        List.of(), null);
  }

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(
      new Challenge("c1", "C1", "", List.of(goal("a", true), goal("b", false), goal("c", false))))), "h");

  /** Always draws the first candidate left: random-select picks in catalog order. */
  private static final RandomGenerator FIRST = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int nextInt(int bound) {
      return 0;
    }
  };

  private final FakePlayerStore store = new FakePlayerStore();
  private final PlayerPartition players = new PlayerPartition(store, CATALOG, ServiceClock.fixed(NOW),
      new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1000), Runnable::run, FIRST);

  private static List<String> goalIds(PlayerWrite write) {
    return write.goals().stream().map(GoalState::goalId).toList();
  }

  @Test
  @DisplayName("set-active replies once the goal's state has committed, with the state and the time")
  void setActiveDurable() {
    Future<ActivationOutcome> reply = players.setActive(new PlayerCommand.SetActive("alice", "c1", "b", true));
    assertThat(reply.isComplete()).isFalse();

    store.commitNext();

    assertThat(reply.result().goal().active()).isTrue();
    assertThat(reply.result().appliedAt()).isEqualTo(NOW);
    assertThat(goalIds(store.batches.get(0).writes().get(0))).containsExactly("b");
    assertThat(store.rows.get("alice").goals().get("b").active()).isTrue();
  }

  @Test
  @DisplayName("reads show an activation only once it is durable")
  void readsAfterCommit() {
    players.setActive(new PlayerCommand.SetActive("alice", "c1", "b", true));

    assertThat(players.get("alice").result().goals()).doesNotContainKey("b");
    store.commitNext();
    assertThat(players.get("alice").result().goals()).containsKey("b");
  }

  @Test
  @DisplayName("a set-active that changes nothing writes nothing, but waits for the player's earlier writes")
  void noChangeWaitsForEarlierWrites() {
    players.setActive(new PlayerCommand.SetActive("alice", "c1", "b", false));
    store.commitNext();
    players.apply(new PlayerEvent.Stat("", "alice", "kills", 3, 3));

    Future<ActivationOutcome> reply = players.setActive(new PlayerCommand.SetActive("alice", "c1", "b", false));

    assertThat(reply.isComplete()).isFalse();
    store.commitNext();
    assertThat(reply.succeeded()).isTrue();
    assertThat(store.batches).hasSize(2);
  }

  @Test
  @DisplayName("batch select writes the activated and the replaced goals together and replies after commit")
  void batchSelectDurable() {
    players.initialize("alice");
    store.commitNext();

    Future<SelectionOutcome> reply =
        players.batchSelect(new PlayerCommand.BatchSelect("alice", "c1", List.of("c", "b"), true));
    assertThat(reply.isComplete()).isFalse();
    store.commitNext();

    assertThat(goalIds(store.batches.get(1).writes().get(0))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(reply.result().selectedGoalIds()).containsExactly("c", "b");
    assertThat(reply.result().replacedGoalIds()).containsExactly("a");
    assertThat(reply.result().totalActiveGoals()).isEqualTo(2);
    assertThat(reply.result().challengeId()).isEqualTo("c1");
    assertThat(store.rows.get("alice").goals().get("a").active()).isFalse();
  }

  @Test
  @DisplayName("random select draws with the partition's generator and replies after commit")
  void randomSelectDurable() {
    Future<SelectionOutcome> reply =
        players.randomSelect(new PlayerCommand.RandomSelect("alice", "c1", 2, false, false));
    assertThat(reply.isComplete()).isFalse();
    store.commitNext();

    assertThat(reply.result().selectedGoalIds()).containsExactly("a", "b");
    assertThat(goalIds(store.batches.get(0).writes().get(0))).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  @DisplayName("a selection of goals that are all active already writes nothing")
  void selectionWithoutChange() {
    players.initialize("alice");
    store.commitNext();

    Future<SelectionOutcome> reply =
        players.batchSelect(new PlayerCommand.BatchSelect("alice", "c1", List.of("a"), false));

    assertThat(reply.succeeded()).isTrue();
    assertThat(store.batches).hasSize(1);
  }

  @Test
  @DisplayName("a rule violation fails with its code and message and writes nothing")
  void ruleViolation() {
    Future<SelectionOutcome> reply =
        players.batchSelect(new PlayerCommand.BatchSelect("alice", "c1", List.of("a", "a"), false));

    assertThat(reply.cause()).isInstanceOfSatisfying(ChallengeException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(reply.cause()).hasMessage("goal_ids contains duplicate goal 'a'");
    assertThat(store.batches).isEmpty();
  }

  @Test
  @DisplayName("a failed write fails the selection with UNAVAILABLE and the player is reloaded")
  void failedWrite() {
    Future<ActivationOutcome> reply = players.setActive(new PlayerCommand.SetActive("alice", "c1", "b", true));

    store.failNext();

    assertThat(((ChallengeException) reply.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(players.get("alice").result().goals()).doesNotContainKey("b");
    assertThat(store.loads).isEqualTo(2);
  }
}
