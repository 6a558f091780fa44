package dev.challengesuite.cache.cluster;

import dev.challengesuite.common.bus.Partitions;
import dev.challengesuite.common.config.ClusterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's end of the change feed shared by all instances on one database (one per Vert.x
 * instance, deployed before the partitions): publishes the players the partitions committed, routes
 * the changes other instances announce to the partition owning each player ({@link Invalidate}),
 * and keeps {@link CacheTrust} up to date: not trusted while the feed is down, a new epoch at
 * every (re)subscription.
 */
public final class ClusterVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterVerticle.class);

  private final ClusterConfig config;
  private final int partitions;
  private final CacheTrust trust;
  private final MeterRegistry registry;
  private RedisChangeFeed feed;
  private MessageConsumer<ChangedPlayers> consumer;
  private Counter heard;
  private Counter announced;

  public ClusterVerticle(ClusterConfig config, int partitions, CacheTrust trust, MeterRegistry registry) {
    this.config = config;
    this.partitions = partitions;
    this.trust = trust;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    heard = Counter.builder("challenge.cluster.invalidations.received")
        .description("Player changes announced by other instances").register(registry);
    announced = Counter.builder("challenge.cluster.changes.published")
        .description("Player changes this instance announced to the others").register(registry);
    Gauge.builder("challenge.cluster.redis.subscribed", trust, current -> current.listening() ? 1 : 0)
        .description("1 while the change feed hears the other instances (cached players are served);"
            + " 0 while it does not (every read goes to the database)")
        .register(registry);
    feed = new RedisChangeFeed(vertx, config.redisUrl(), config.channel(), config.instanceId(),
        config.redisPoolSize(), new Listener());
    FunctionCounter.builder("challenge.cluster.publish.failures", feed, RedisChangeFeed::publishFailures)
        .description("Change announcements Redis did not take (other instances stay stale until they"
            + " next write those players or resubscribe)")
        .register(registry);
    consumer = vertx.eventBus().consumer(ClusterAddresses.PUBLISH, message -> {
      feed.publish(message.body().changes());
      announced.increment(message.body().changes().size());
    });
    LOG.info("instance {} shares its players through Redis channel {} ({})", config.instanceId(), config.channel(),
        config);
    return consumer.completion().compose(registered -> feed.start());
  }

  @Override
  public Future<?> stop() {
    trust.listening(false);
    return consumer.unregister().eventually(() -> feed.stop());
  }

  /** What the feed hears, on this verticle's event loop. */
  private final class Listener implements RedisChangeFeed.Listener {

    @Override
    public void changed(String userId, long version) {
      heard.increment();
      vertx.eventBus().send(ClusterAddresses.invalidations(Partitions.of(userId, partitions)),
          new Invalidate(userId, version));
    }

    @Override
    public void gap() {
      trust.gap();
    }

    @Override
    public void subscribed(boolean subscribed) {
      trust.listening(subscribed);
    }
  }
}
