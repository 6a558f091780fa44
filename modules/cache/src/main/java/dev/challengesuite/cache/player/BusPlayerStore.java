package dev.challengesuite.cache.player;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.LoadPlayer;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** {@link PlayerStore} backed by the persistence verticle over the event bus. */
public final class BusPlayerStore implements PlayerStore {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public BusPlayerStore(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  @Override
  public Future<StoredPlayer> load(String userId, PlayerProgress known) {
    return request(Addresses.PERSISTENCE_LOAD_PLAYER, new LoadPlayer(userId, known));
  }

  @Override
  public Future<WriteResult> write(PlayerWriteBatch batch) {
    return request(Addresses.PERSISTENCE_WRITE, batch);
  }

  @Override
  public Future<ClaimStart> beginClaim(BeginClaim claim) {
    return request(Addresses.PERSISTENCE_BEGIN_CLAIM, claim);
  }

  @Override
  public Future<Boolean> failClaim(FailClaim claim) {
    return request(Addresses.PERSISTENCE_FAIL_CLAIM, claim);
  }

  private <T> Future<T> request(String address, Object body) {
    return vertx.eventBus()
        .<T>request(address, body, options)
        .map(Message::body)
        .recover(error -> Future.failedFuture(BusFailures.toChallenge(error)));
  }
}
