package dev.challengesuite.http;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.InitializeOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.progress.PlayerProgress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bus consumers standing in for the player partitions and the persistence ping. */
final class Fakes {

  private Fakes() {}

  /** Every partition address answered from hand-made players. */
  static final class Players {
    final Map<String, PlayerProgress> progress = new ConcurrentHashMap<>();
    final Map<String, InitializeOutcome> outcomes = new ConcurrentHashMap<>();
    final List<PlayerCommand> received = new CopyOnWriteArrayList<>();
    volatile boolean silent;
    volatile ErrorCode failWith;

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
      switch (command) {
        case PlayerCommand.Get get ->
            message.reply(progress.getOrDefault(get.userId(), PlayerProgress.empty(get.userId())));
        case PlayerCommand.Initialize init -> message.reply(outcomes.getOrDefault(init.userId(),
            new InitializeOutcome(PlayerProgress.empty(init.userId()), List.of())));
        case PlayerCommand.Apply apply -> message.fail(500, "not a route of this API");
      }
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
