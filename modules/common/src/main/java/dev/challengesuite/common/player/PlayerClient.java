package dev.challengesuite.common.player;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.Partitions;
import dev.challengesuite.common.config.ClaimsConfig;
import dev.challengesuite.common.progress.PlayerProgress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.List;

/** Typed client of the player partitions: routes each command to the owner of its user. */
public final class PlayerClient {

  private final Vertx vertx;
  private final int partitions;
  private final DeliveryOptions options;
  private final DeliveryOptions claimOptions;

  /** Claims get {@code timeoutMillis} plus the default reward grant time. */
  public PlayerClient(Vertx vertx, int partitions, long timeoutMillis) {
    this(vertx, partitions, timeoutMillis, 2 * timeoutMillis + ClaimsConfig.DEFAULT.grantTimeoutMillis());
  }

  /**
   * @param claimTimeoutMillis claims wait for the reward grant besides their database work, so
   *     they get a timeout of their own
   */
  public PlayerClient(Vertx vertx, int partitions, long timeoutMillis, long claimTimeoutMillis) {
    this.vertx = vertx;
    this.partitions = partitions;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
    this.claimOptions = new DeliveryOptions().setSendTimeout(claimTimeoutMillis);
  }

  public Future<PlayerProgress> get(String userId) {
    return send(new PlayerCommand.Get(userId));
  }

  public Future<InitializeOutcome> initialize(String userId) {
    return send(new PlayerCommand.Initialize(userId));
  }

  public Future<Void> apply(PlayerEvent event) {
    return send(new PlayerCommand.Apply(event));
  }

  public Future<ActivationOutcome> setActive(
      String userId, String challengeId, String goalId, boolean active) {
    return send(new PlayerCommand.SetActive(userId, challengeId, goalId, active));
  }

  public Future<SelectionOutcome> batchSelect(
      String userId, String challengeId, List<String> goalIds, boolean replaceExisting) {
    return send(new PlayerCommand.BatchSelect(userId, challengeId, goalIds, replaceExisting));
  }

  public Future<SelectionOutcome> randomSelect(
      String userId,
      String challengeId,
      int count,
      boolean replaceExisting,
      boolean excludeActive) {
    return send(
        new PlayerCommand.RandomSelect(userId, challengeId, count, replaceExisting, excludeActive));
  }

  /** Claims a completed goal's reward: granted at most once per goal and rotation period. */
  public Future<ClaimOutcome> claim(String userId, String challengeId, String goalId) {
    return send(new PlayerCommand.Claim(userId, challengeId, goalId), claimOptions);
  }

  private <T> Future<T> send(PlayerCommand command) {
    return send(command, options);
  }

  private <T> Future<T> send(PlayerCommand command, DeliveryOptions delivery) {
    String address = Addresses.playerPartition(Partitions.of(command.userId(), partitions));
    return vertx.eventBus().<T>request(address, command, delivery).map(Message::body);
  }
}
