package dev.challengesuite.cache.player;

import dev.challengesuite.cache.cluster.CacheTrust;
import dev.challengesuite.cache.cluster.ChangedPlayers;
import dev.challengesuite.cache.cluster.ClusterAddresses;
import dev.challengesuite.cache.cluster.Invalidate;
import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.config.AppConfig;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.reward.RewardsClient;
import dev.challengesuite.common.time.ServiceClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Deploys one {@link PlayerPartition} on its own event loop and feeds it the commands sent to its
 * address. One instance per partition; the launcher deploys {@code players.partitions} of them.
 */
public final class PlayerPartitionVerticle extends VerticleBase {

  private final int partition;
  private final AppConfig config;
  private final CatalogIndex catalog;
  private final ServiceClock clock;
  private final MeterRegistry registry;
  private final CacheTrust trust;
  private PlayerPartition players;
  private MessageConsumer<PlayerCommand> consumer;
  private MessageConsumer<Invalidate> invalidations;

  /** The only instance on its database. */
  public PlayerPartitionVerticle(
      int partition, AppConfig config, CatalogIndex catalog, ServiceClock clock, MeterRegistry registry) {
    this(partition, config, catalog, clock, registry, CacheTrust.alone());
  }

  /**
   * @param trust {@link CacheTrust#alone()}, or the trust shared with this instance's {@link
   *     dev.challengesuite.cache.cluster.ClusterVerticle}, which then hears the committed players
   *     and sends the changes other instances made
   */
  public PlayerPartitionVerticle(int partition, AppConfig config, CatalogIndex catalog, ServiceClock clock,
      MeterRegistry registry, CacheTrust trust) {
    this.partition = partition;
    this.registry = registry;
    this.config = config;
    this.catalog = catalog;
    this.clock = clock;
    this.trust = trust;
  }

  @Override
  public Future<?> start() {
    PlayerPartition.Limits limits = new PlayerPartition.Limits(
        Duration.ofSeconds(config.events().dedupWindowSeconds()),
        config.events().maxBatchPlayers(),
        config.events().maxPendingEvents(),
        config.players().maxCachedPlayersPerPartition());
    PlayerStore store = new BusPlayerStore(vertx, config.players().storeTimeoutMillis());
    RewardsClient rewards = new RewardsClient(vertx, config.claims().grantTimeoutMillis());
    PlayerPartition.ClaimSettings claims = new PlayerPartition.ClaimSettings(
        config.namespace(), rewards::grant, Duration.ofMillis(config.claims().pendingExpiryMillis()));
    players = new PlayerPartition(store, catalog, clock, limits, task -> context.runOnContext(v -> task.run()),
        new SecureRandom(), claims);
    players.measureWith(registry, partition);
    players.clusterWith(trust,
        changes -> vertx.eventBus().send(ClusterAddresses.PUBLISH, new ChangedPlayers(changes)));
    invalidations = vertx.eventBus().consumer(ClusterAddresses.invalidations(partition),
        message -> players.invalidate(message.body().userId(), message.body().version()));
    consumer = vertx.eventBus().consumer(Addresses.playerPartition(partition), this::handle);
    return Future.all(invalidations.completion(), consumer.completion());
  }

  /** Stops taking commands, then waits until every accepted change is durable and every claim done. */
  @Override
  public Future<?> stop() {
    return consumer.unregister().compose(done -> players.drained()).eventually(() -> invalidations.unregister());
  }

  private void handle(Message<PlayerCommand> message) {
    Future<?> result = switch (message.body()) {
      case PlayerCommand.Get get -> players.get(get.userId());
      case PlayerCommand.Initialize init -> players.initialize(init.userId());
      case PlayerCommand.Apply apply -> players.apply(apply.event());
      case PlayerCommand.SetActive setActive -> players.setActive(setActive);
      case PlayerCommand.BatchSelect batch -> players.batchSelect(batch);
      case PlayerCommand.RandomSelect random -> players.randomSelect(random);
      case PlayerCommand.Claim claim -> players.claim(claim);
    };
    result.onComplete(message::reply, error -> BusFailures.fail(message, error));
  }
}
