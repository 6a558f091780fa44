package dev.challengesuite.persistence;

import dev.challengesuite.common.bus.Addresses;
import dev.challengesuite.common.bus.BusFailures;
import dev.challengesuite.common.config.DatabaseConfig;
import dev.challengesuite.common.config.EventsConfig;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.LoadPlayer;
import dev.challengesuite.common.store.PingDatabase;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the PostgreSQL pool: brings the schema up to date, then serves loads, write batches, reward
 * claim transitions and pings over the bus, and purges event receipts that left the deduplication
 * window. Deploy one instance.
 */
public final class PersistenceVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PersistenceVerticle.class);

  /** How long loads and writes are refused after the database was found unreachable. */
  static final long GATE_COOL_DOWN_MILLIS = 250;

  private final DatabaseConfig database;
  private final Duration dedupWindow;
  private final ServiceClock clock;
  private Pool pool;
  private PlayerRepository repository;
  private ClaimRepository claims;
  private final DatabaseGate gate = new DatabaseGate(GATE_COOL_DOWN_MILLIS, System::currentTimeMillis);
  private long purgeTimer = -1;
  private boolean purging;

  public PersistenceVerticle(DatabaseConfig database, EventsConfig events) {
    this(database, events, ServiceClock.system(0));
  }

  /**
   * @param clock the service clock: event receipts are stamped with it, so the window is measured
   *     with it too
   */
  public PersistenceVerticle(DatabaseConfig database, EventsConfig events, ServiceClock clock) {
    this.database = database;
    this.dedupWindow = Duration.ofSeconds(events.dedupWindowSeconds());
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, database);
    repository = new PlayerRepository(pool);
    claims = new ClaimRepository(pool);
    return Migrations.fromClasspath(pool).run()
        .onSuccess(applied -> LOG.info("database {} schema up to date ({} migration(s) applied)",
            database.name(), applied.size()))
        .compose(applied -> Future.all(
            serve(Addresses.PERSISTENCE_LOAD_PLAYER,
                (LoadPlayer load) -> gate.call(
                    () -> repository.load(load.userId(), load.known(), dedupWindow, clock.now()))),
            serve(Addresses.PERSISTENCE_WRITE, (PlayerWriteBatch batch) -> gate.call(() -> repository.write(batch))),
            serve(Addresses.PERSISTENCE_BEGIN_CLAIM, (BeginClaim claim) -> gate.call(() -> claims.begin(claim))),
            serve(Addresses.PERSISTENCE_FAIL_CLAIM, (FailClaim claim) -> gate.call(() -> claims.fail(claim))),
            serve(Addresses.PERSISTENCE_PING, (PingDatabase ping) -> repository.ping())))
        .onSuccess(ready -> purgeTimer = vertx.setPeriodic(purgeInterval().toMillis(),
            tick -> purgeReceipts()))
        .onFailure(failure -> pool.close());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(purgeTimer);
    return pool.close();
  }

  /** Registers a consumer that replies with the handler's result or fails the message. */
  private <T, R> Future<Void> serve(String address, Function<T, Future<R>> handler) {
    MessageConsumer<T> consumer = vertx.eventBus().consumer(address, (Message<T> message) ->
        handler.apply(message.body()).onComplete(message::reply,
            failure -> BusFailures.fail(message, failure)));
    return consumer.completion();
  }

  /** Often enough that the table stays near one window of receipts, at most once a minute. */
  private Duration purgeInterval() {
    Duration half = dedupWindow.dividedBy(2);
    return half.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
        : half.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : half;
  }

  private void purgeReceipts() {
    if (purging) {
      return;
    }
    purging = true;
    repository.purgeReceipts(clock.now().minus(dedupWindow))
        .onSuccess(deleted -> LOG.debug("purged {} event receipts", deleted))
        .onFailure(failure -> LOG.warn("purging event receipts failed: {}", failure.toString()))
        .onComplete(done -> purging = false);
  }
}
