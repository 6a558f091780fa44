package dev.challengesuite.cache.player;

import dev.challengesuite.testing.MutableClock;
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
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.ClaimOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.reward.GrantFailure;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.time.Schedule;
import dev.challengesuite.common.time.ServiceClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlayerPartitionClaimTest {

  private static final Instant NOW = Instant.parse("2026-03-06T10:00:00Z");
  private static final Reward SWORD = new Reward(RewardType.ITEM, "sword", 1);
  private static final Reward GOLD = new Reward(RewardType.WALLET, "GOLD", 5);
  private static final Duration EXPIRY = Duration.ofSeconds(30);

  private static Goal goal(String id, String statCode, Reward reward, Rotation rotation) {
    ProgressMode mode = rotation == null ? ProgressMode.ABSOLUTE : ProgressMode.RELATIVE;
    return new Goal(id, id, "", "c1", EventSource.STATISTIC, false,
        new Requirement(statCode, ">=", 10, mode), reward, List.of(), rotation);
  }

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(new Challenge("c1", "C1", "",
      List.of(goal("a", "kills", SWORD, null), goal("b", "wins", GOLD, null),
          goal("daily", "kills", GOLD, new Rotation(Schedule.DAILY, true, true)))))), "h");

  private static final PlayerCommand.Claim CLAIM_A = new PlayerCommand.Claim("alice", "c1", "a");

  private final MutableClock clock = new MutableClock(NOW);
  private final FakePlayerStore store = new FakePlayerStore();
  private final FakeRewards rewards = new FakeRewards();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PlayerPartition players = partition();

  private PlayerPartition partition() {
    PlayerPartition partition = new PlayerPartition(store, CATALOG, new ServiceClock(clock, 0),
        new PlayerPartition.Limits(Duration.ofMinutes(10), 100, 1000, 1000), Runnable::run, new SecureRandom(),
        new PlayerPartition.ClaimSettings("ns", rewards, EXPIRY));
    partition.measureWith(registry, 0);
    return partition;
  }

  /** Activates the goal and sends its stat to 12 (target 10), both durable. */
  private void complete(String goalId, String statCode) {
    players.setActive(new PlayerCommand.SetActive("alice", "c1", goalId, true));
    store.commitNext();
    players.apply(new PlayerEvent.Stat("", "alice", statCode, 12, 12));
    store.commitNext();
    assertThat(goalState(goalId).status()).isEqualTo(GoalStatus.COMPLETED);
  }

  private GoalState goalState(String goalId) {
    return players.get("alice").result().goal(CATALOG.goal(goalId));
  }

  private PlayerWrite lastWrite() {
    return store.batches.getLast().writes().getFirst();
  }

  private static ChallengeException failure(Future<?> future) {
    assertThat(future.failed()).as("failed: %s", future).isTrue();
    return (ChallengeException) future.cause();
  }

  private static void assertFailure(Future<?> future, ErrorCode code, String message) {
    ChallengeException error = failure(future);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error).hasMessage(message);
  }

  @Test
  @DisplayName("a completed goal's claim sends one grant and replies once goal and claim are durable together")
  void grantsAndRepliesWhenDurable() {
    complete("a", "kills");

    Future<ClaimOutcome> reply = players.claim(CLAIM_A);

    assertThat(rewards.sent).containsExactly(new RewardGrant("ns", "alice", SWORD, "alice:a::1"));
    rewards.granted();
    assertThat(reply.isComplete()).isFalse();
    store.commitNext();
    assertThat(reply.result()).isEqualTo(new ClaimOutcome("a", SWORD, NOW));
    assertThat(lastWrite().claims()).containsExactly(new ClaimGranted("a", "", "alice:a::1", true));
    assertThat(lastWrite().goals()).singleElement().satisfies(goal -> {
      assertThat(goal.status()).isEqualTo(GoalStatus.CLAIMED);
      assertThat(goal.claimedAt()).isEqualTo(NOW);
      assertThat(goal.progress()).isEqualTo(12);
    });
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.GRANTED);
    assertThat(registry.get("challenge.claims").tag("outcome", "granted").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a goal that fails the checks touches neither the claim records nor the reward service")
  void checksFirst() {
    players.setActive(new PlayerCommand.SetActive("alice", "c1", "a", true));
    store.commitNext();

    Future<ClaimOutcome> reply = players.claim(CLAIM_A);

    assertFailure(reply, ErrorCode.FAILED_PRECONDITION,
        "Goal not completed. Please wait 1 second and try again. (goal_id: a, status: not_started)");
    assertThat(store.begun).isEmpty();
    assertThat(rewards.sent).isEmpty();
  }

  @Test
  @DisplayName("a claim waits for the player's earlier changes to be durable and checks those")
  void checksDurableState() {
    players.setActive(new PlayerCommand.SetActive("alice", "c1", "a", true));
    store.commitNext();
    players.apply(new PlayerEvent.Stat("", "alice", "kills", 12, 12));

    Future<ClaimOutcome> reply = players.claim(CLAIM_A);

    assertThat(store.begun).isEmpty();
    store.commitNext();
    assertThat(rewards.sent).hasSize(1);
    rewards.granted();
    store.commitNext();
    assertThat(reply.succeeded()).isTrue();
  }

  @Test
  @DisplayName("five claims of the same goal at once: one grant, one success, four 409 already claimed")
  void parallelClaimsOfOneGoal() {
    complete("a", "kills");
    List<Future<ClaimOutcome>> replies = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      replies.add(players.claim(CLAIM_A));
    }
    rewards.granted();
    store.commitNext();

    assertThat(rewards.sent).hasSize(1);
    assertThat(store.begun).hasSize(1);
    assertThat(replies).filteredOn(Future::succeeded).hasSize(1);
    assertThat(replies).filteredOn(Future::failed).hasSize(4).allSatisfy(reply -> assertFailure(reply,
        ErrorCode.ALREADY_EXISTS, "Reward has already been claimed (goal_id: a, claimed_at: 2026-03-06T10:00:00Z)"));
  }

  @Test
  @DisplayName("claims of different goals are granted side by side")
  void differentGoalsInParallel() {
    complete("a", "kills");
    complete("b", "wins");

    players.claim(CLAIM_A);
    players.claim(new PlayerCommand.Claim("alice", "c1", "b"));

    assertThat(rewards.waiting()).isEqualTo(2);
  }

  @Test
  @DisplayName("the player's events keep flowing while a grant is in flight; the claim freezes the progress it finds")
  void eventsFlowDuringGrant() {
    complete("a", "kills");
    Future<ClaimOutcome> reply = players.claim(CLAIM_A);

    Future<Void> event = players.apply(new PlayerEvent.Stat("", "alice", "kills", 15, 3));
    store.commitNext();
    assertThat(event.succeeded()).isTrue();
    rewards.granted();
    store.commitNext();
    players.apply(new PlayerEvent.Stat("", "alice", "kills", 40, 25));
    store.commitNext();

    assertThat(reply.succeeded()).isTrue();
    assertThat(goalState("a").status()).isEqualTo(GoalStatus.CLAIMED);
    assertThat(goalState("a").progress()).isEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = GrantFailure.class, names = {"RETRYABLE_EXHAUSTED", "REJECTED"})
  @DisplayName("a grant that certainly failed is 500, the goal stays completed, and a retry grants again")
  void failedThenRetried(GrantFailure failure) {
    complete("a", "kills");

    Future<ClaimOutcome> first = players.claim(CLAIM_A);
    rewards.answer(new GrantResult.Failed(failure, "nope", 4));

    assertFailure(first, ErrorCode.REWARD_GRANT_FAILED,
        "Failed to grant reward via Platform Service after 3 retries (goal_id: a)");
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.FAILED);
    assertThat(goalState("a").status()).isEqualTo(GoalStatus.COMPLETED);

    Future<ClaimOutcome> retry = players.claim(CLAIM_A);
    assertThat(rewards.sent.getLast().claimId()).isEqualTo("alice:a::2");
    rewards.granted();
    store.commitNext();

    assertThat(retry.succeeded()).isTrue();
    assertThat(rewards.sent).hasSize(2);
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.GRANTED);
  }

  @Test
  @DisplayName("no rewards verticle listening means nothing was sent: the claim fails and can be retried")
  void noRewardService() {
    complete("a", "kills");

    Future<ClaimOutcome> reply = players.claim(CLAIM_A);
    rewards.noAnswer(ChallengeException.unavailable("service temporarily unavailable",
        new ReplyException(ReplyFailure.NO_HANDLERS, "none")));

    assertThat(failure(reply).code()).isEqualTo(ErrorCode.REWARD_GRANT_FAILED);
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.FAILED);
  }

  @Test
  @DisplayName("an unknown outcome leaves the claim pending: 503, then 409 in progress, then settled without a second grant")
  void unknownOutcomeSettledAfterExpiry() {
    complete("a", "kills");

    Future<ClaimOutcome> first = players.claim(CLAIM_A);
    rewards.answer(new GrantResult.Failed(GrantFailure.OUTCOME_UNKNOWN, "?", 1));
    assertFailure(first, ErrorCode.UNAVAILABLE,
        "Reward grant could not be confirmed; retry the claim later (goal_id: a)");
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.PENDING);

    clock.advance(EXPIRY.minusSeconds(1));
    assertFailure(players.claim(CLAIM_A), ErrorCode.ABORTED, "Reward claim already in progress (goal_id: a)");

    clock.advance(Duration.ofSeconds(1));
    Future<ClaimOutcome> settled = players.claim(CLAIM_A);
    store.commitNext();

    assertThat(settled.result().claimedAt()).isEqualTo(NOW.plus(EXPIRY));
    assertThat(rewards.sent).hasSize(1);
    assertThat(lastWrite().claims()).containsExactly(new ClaimGranted("a", "", "alice:a::1", false));
    assertThat(goalState("a").status()).isEqualTo(GoalStatus.CLAIMED);
    assertThat(registry.get("challenge.claims.unverified").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a bus timeout may hide a sent grant: the claim stays pending and nothing is sent again")
  void busTimeoutIsUnknown() {
    complete("a", "kills");

    Future<ClaimOutcome> first = players.claim(CLAIM_A);
    rewards.noAnswer(ChallengeException.unavailable("service temporarily unavailable",
        new ReplyException(ReplyFailure.TIMEOUT, "timed out")));

    assertThat(failure(first).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.PENDING);
    assertThat(failure(players.claim(CLAIM_A)).code()).isEqualTo(ErrorCode.ABORTED);
    assertThat(rewards.sent).hasSize(1);
  }

  @Test
  @DisplayName("a claim granted before whose goal does not show it is repaired and answered 409")
  void grantedClaimRepairsGoal() {
    complete("a", "kills");
    Instant grantedAt = NOW.minusSeconds(90);
    store.claims.put(List.of("alice", "a", ""),
        new ClaimRecord("alice:a::1", ClaimState.GRANTED, 1, true, grantedAt, grantedAt));

    Future<ClaimOutcome> reply = players.claim(CLAIM_A);
    assertThat(reply.isComplete()).isFalse();
    store.commitNext();

    assertFailure(reply, ErrorCode.ALREADY_EXISTS,
        "Reward has already been claimed (goal_id: a, claimed_at: 2026-03-06T09:58:30Z)");
    assertThat(rewards.sent).isEmpty();
    assertThat(goalState("a").status()).isEqualTo(GoalStatus.CLAIMED);
    assertThat(goalState("a").claimedAt()).isEqualTo(grantedAt);
  }

  @Test
  @DisplayName("a granted claim whose write fails stays pending: never sent again, settled later")
  void writeFailureKeepsClaimPending() {
    complete("a", "kills");

    Future<ClaimOutcome> first = players.claim(CLAIM_A);
    rewards.granted();
    store.failNextUnavailable();

    assertThat(failure(first).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(store.claim("alice", "a", "").state()).isEqualTo(ClaimState.PENDING);
    assertThat(failure(players.claim(CLAIM_A)).code()).isEqualTo(ErrorCode.ABORTED);
    assertThat(rewards.sent).hasSize(1);
  }

  @Test
  @DisplayName("the claim record cannot be started (database down): 503 and no grant")
  void beginFails() {
    complete("a", "kills");
    store.claimFailure = ChallengeException.unavailable("database unavailable", null);

    assertThat(failure(players.claim(CLAIM_A)).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(rewards.sent).isEmpty();
  }

  @Test
  @DisplayName("a rotating goal is claimed once per period, each under its own claim id")
  void rotatingGoalPerPeriod() {
    complete("daily", "kills");
    Future<ClaimOutcome> today = players.claim(new PlayerCommand.Claim("alice", "c1", "daily"));
    rewards.granted();
    store.commitNext();
    assertThat(today.succeeded()).isTrue();

    clock.advance(Duration.ofDays(1));
    players.apply(new PlayerEvent.Stat("", "alice", "kills", 30, 18));
    store.commitNext();
    Future<ClaimOutcome> tomorrow = players.claim(new PlayerCommand.Claim("alice", "c1", "daily"));
    rewards.granted();
    store.commitNext();

    assertThat(tomorrow.succeeded()).as("%s", tomorrow).isTrue();
    assertThat(rewards.sent).extracting(RewardGrant::claimId)
        .containsExactly("alice:daily:2026-03-06T00:00:00Z:1", "alice:daily:2026-03-07T00:00:00Z:1");
  }

  @Test
  @DisplayName("draining waits for a claim in flight")
  void drainWaitsForClaims() {
    complete("a", "kills");
    Future<ClaimOutcome> reply = players.claim(CLAIM_A);

    Future<Void> drained = players.drained();
    assertThat(drained.isComplete()).isFalse();
    rewards.granted();
    store.commitNext();

    assertThat(reply.succeeded()).isTrue();
    assertThat(drained.succeeded()).isTrue();
  }
}
