package dev.challengesuite.http;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.ActivationOutcome;
import dev.challengesuite.common.player.ClaimOutcome;
import dev.challengesuite.common.player.InitializeOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.player.SelectionOutcome;
import dev.challengesuite.common.progress.ActivationChange;
import dev.challengesuite.common.progress.ClaimRules;
import dev.challengesuite.common.progress.Claimable;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.SelectionChange;
import dev.challengesuite.common.progress.SelectionRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bus consumers standing in for the player partitions and the persistence ping. */
final class Fakes {

  private Fakes() {}

  /**
   * Every partition address answered from hand-made players; the selection commands apply the real
   * {@link SelectionRules} to them (immediately "durable").
   */
  static final class Players {
    private static final CatalogIndex CATALOG = TestCatalog.index();
    final Random random = new Random(1);
    final Map<String, PlayerProgress> progress = new ConcurrentHashMap<>();
    final Map<String, InitializeOutcome> outcomes = new ConcurrentHashMap<>();
    final List<PlayerCommand> received = new CopyOnWriteArrayList<>();
    volatile boolean silent;
    volatile ErrorCode failWith;
    /** When set, claims fail with this code and message (as the partition would send them). */
    volatile ChallengeException claimFailure;

    static Players register(Vertx vertx, int partitions) {
      Players players = new Players();
      for (int n = 0; n < partitions; n++) {
        vertx.eventBus().<PlayerCommand>consumer(Addresses.playerPartition(n), players::handle)
            .completion().await();
      }
      return players;
    }

    private void handle(Message<PlayerCommand> message) {
      PlayerCommand command = message.body();
      received.add(command);
      if (silent) {
        return;
      }
      if (failWith != null) {
        message.fail(failWith.busCode(), "fake failure " + failWith);
        return;
      }
      try {
        switch (command) {
          case PlayerCommand.Get get -> message.reply(player(get.userId()));
          case PlayerCommand.Initialize init -> message.reply(outcomes.getOrDefault(init.userId(),
              new InitializeOutcome(PlayerProgress.empty(init.userId()), List.of())));
          case PlayerCommand.Apply apply -> message.fail(500, "not a route of this API");
          case PlayerCommand.SetActive set -> {
            ActivationChange change = SelectionRules.setActive(player(set.userId()), CATALOG,
                set.challengeId(), set.goalId(), set.active(), ApiHarness.NOW);
            progress.put(set.userId(), change.player());
            message.reply(new ActivationOutcome(change.player(), change.goal(), ApiHarness.NOW));
          }
          case PlayerCommand.BatchSelect batch -> message.reply(selected(batch.userId(),
              batch.challengeId(), SelectionRules.batchSelect(player(batch.userId()), CATALOG,
                  batch.challengeId(), batch.goalIds(), batch.replaceExisting(), ApiHarness.NOW)));
          case PlayerCommand.RandomSelect draw -> message.reply(selected(draw.userId(),
              draw.challengeId(), SelectionRules.randomSelect(player(draw.userId()), CATALOG,
                  draw.challengeId(), draw.count(), draw.replaceExisting(), draw.excludeActive(),
                  ApiHarness.NOW, random)));
          case PlayerCommand.Claim claim -> message.reply(claim(claim));
        }
      } catch (RuntimeException e) {
        BusFailures.fail(message, e);
      }
    }

    /** The real claim checks on the hand-made player; the grant always succeeds. */
    private ClaimOutcome claim(PlayerCommand.Claim command) {
      if (claimFailure != null) {
        throw claimFailure;
      }
      PlayerProgress player = player(command.userId());
      Claimable claim = ClaimRules.check(player, CATALOG, command.challengeId(), command.goalId(),
          ApiHarness.NOW);
      GoalState claimed = ClaimRules.claimed(claim,
          player.goal(claim.goal()), player.stats(), ApiHarness.NOW,
          ApiHarness.NOW);
      Map<String, GoalState> goals = new java.util.HashMap<>(player.goals());
      goals.put(claimed.goalId(), claimed);
      progress.put(command.userId(), new PlayerProgress(player.userId(), player.version(),
          player.stats(), player.initialization(), goals));
      return new ClaimOutcome(command.goalId(), claim.goal().reward(), ApiHarness.NOW);
    }

    private PlayerProgress player(String userId) {
      return progress.getOrDefault(userId, PlayerProgress.empty(userId));
    }

    private SelectionOutcome selected(String userId, String challengeId, SelectionChange change) {
      progress.put(userId, change.player());
      return new SelectionOutcome(change.player(), challengeId, change.selectedGoalIds(),
          change.replacedGoalIds(), change.totalActiveGoals());
    }
  }

  /** The persistence ping: answers, fails, or (when not registered) nobody listens. */
  static Future<Void> database(Vertx vertx, boolean up) {
    return vertx.eventBus().consumer(Addresses.PERSISTENCE_PING, message -> {
      if (up) {
        message.reply(null);
      } else {
        message.fail(ErrorCode.INTERNAL.busCode(), "connection refused");
      }
    }).completion();
  }
}
