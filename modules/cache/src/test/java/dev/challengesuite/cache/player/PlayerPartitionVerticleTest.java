package dev.challengesuite.cache.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.bus.LocalCodec;
import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.config.EventsConfig;
import dev.challengesuite.common.config.PlayersConfig;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.ClaimOutcome;
import dev.challengesuite.common.player.PlayerClient;
import dev.challengesuite.common.player.SelectionOutcome;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.reward.GrantResult;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.store.LoadPlayer;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import dev.challengesuite.common.time.ServiceClock;
import io.vertx.core.Future;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed verticle routes the selection commands to its partition and replies over the bus. */
@ExtendWith(VertxExtension.class)
class PlayerPartitionVerticleTest {

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(new Challenge("c1", "C1", "",
      List.of(goal("a"), goal("b"))))), "h");

  private final List<PlayerWriteBatch> written = new CopyOnWriteArrayList<>();
  private final List<RewardGrant> grants = new CopyOnWriteArrayList<>();
  private PlayerClient players;

  private static Goal goal(String id) {
    return new Goal(id, id, "", "c1", EventSource.STATISTIC, false,
        new Requirement("kills", ">=", 10, ProgressMode.ABSOLUTE), new Reward(RewardType.ITEM, "item", 1),
        List.of(), null);
  }

  @BeforeEach
  void deploy(Vertx vertx) {
    LocalCodec.register(vertx);
    vertx.eventBus().<LoadPlayer>consumer(Addresses.PERSISTENCE_LOAD_PLAYER, message -> message.reply(
        new StoredPlayer(message.body().userId().equals("bob") ? bobCompletedA() : PlayerProgress.empty("alice"),
            Set.of()))).completion().await();
    vertx.eventBus().<BeginClaim>consumer(Addresses.PERSISTENCE_BEGIN_CLAIM, message -> message.reply(
        new ClaimStart(true, new ClaimRecord(message.body().claimIdPrefix() + ":1", ClaimState.PENDING, 1, false,
            message.body().at(), null)))).completion().await();
    vertx.eventBus().<RewardGrant>consumer(Addresses.REWARDS_GRANT, message -> {
      grants.add(message.body());
      message.reply(new GrantResult.Granted(1));
    }).completion().await();
    vertx.eventBus().<PlayerWriteBatch>consumer(Addresses.PERSISTENCE_WRITE, message -> {
      written.add(message.body());
      message.reply(WriteResult.ALL_COMMITTED);
    }).completion().await();
    AppConfig config = new AppConfig("ns", "unused", 0, null, null, null, null,
        new PlayersConfig(1, 2_000, 100), new EventsConfig(600, 100, 1000), null, null);
    vertx.deployVerticle(new PlayerPartitionVerticle(0, config, CATALOG,
        ServiceClock.fixed(Instant.parse("2026-03-06T10:00:00Z")), new SimpleMeterRegistry())).await();
    players = new PlayerClient(vertx, 1, 2_000);
  }

  private static PlayerProgress bobCompletedA() {
    Instant at = Instant.parse("2026-03-06T09:00:00Z");
    GoalState completed = new GoalState("a", "c1", true, GoalStatus.COMPLETED, 10, 1, 0, null, at, at, null, null, at);
    return new PlayerProgress("bob", 1, PlayerStats.EMPTY, null, Map.of("a", completed));
  }

  @Test
  @DisplayName("a claim reaches the partition, grants through the rewards address in the namespace, and is written")
  void claim() {
    ClaimOutcome outcome = players.claim("bob", "c1", "a").await();

    assertThat(outcome.goalId()).isEqualTo("a");
    assertThat(grants).containsExactly(
        new RewardGrant("ns", "bob", new Reward(RewardType.ITEM, "item", 1), "bob:a::1"));
    assertThat(written).hasSize(1);
    assertThat(written.getFirst().writes().getFirst().claims()).hasSize(1);
  }

  @Test
  @DisplayName("set-active reaches the partition and is written before the reply")
  void setActive() {
    boolean active = players.setActive("alice", "c1", "a", true).await().goal().active();

    assertThat(active).isTrue();
    assertThat(written).hasSize(1);
  }

  @Test
  @DisplayName("batch select replies with the selection")
  void batchSelect() {
    SelectionOutcome outcome = players.batchSelect("alice", "c1", List.of("b", "a"), false).await();

    assertThat(outcome.selectedGoalIds()).containsExactly("b", "a");
    assertThat(outcome.totalActiveGoals()).isEqualTo(2);
  }

  @Test
  @DisplayName("random select replies with the drawn goals")
  void randomSelect() {
    SelectionOutcome outcome = players.randomSelect("alice", "c1", 5, false, false).await();

    assertThat(outcome.selectedGoalIds()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  @DisplayName("a rule violation comes back as a bus failure carrying its code and message")
  void ruleViolation() {
    Throwable failure = players.setActive("alice", "c1", "nope", true)
        .<Throwable>transform(done -> Future.succeededFuture(done.cause())).await();

    ChallengeException error = BusFailures.toChallenge(failure);
    assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(error).hasMessage("goal 'nope' not found in challenge 'c1'");
  }
}
