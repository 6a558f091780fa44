package dev.challengesuite.cache.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other instances which players this one changed, and hears what they changed, over a
 * Redis pub/sub channel. A message is {@code instanceId \t userId \t version}, optionally followed
 * by more {@code \t userId \t version} pairs (one message per committed write batch); ids never
 * contain control characters (the API and the event edge refuse them).
 *
 * <p>Pub/sub delivers nothing that was published while a subscriber was disconnected, so after
 * every (re)subscription the listener hears {@link Listener#gap()}, and while the subscription is
 * down it hears {@code subscribed(false)}: its cached copies may then be stale and must not be
 * trusted. A subscription whose connection stops answering without closing (a silent network
 * failure) is found by a PING every second: nothing heard for two seconds counts as lost.
 */
public final class RedisChangeFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeFeed.class);
  private static final long RESUBSCRIBE_DELAY_MILLIS = 1_000;
  private static final long HEARTBEAT_MILLIS = 1_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  /** Changes per message at most, so that one message stays small (about 25 kB). */
  static final int MAX_CHANGES_PER_MESSAGE = 500;

  /** What the feed reports. Called on the feed's context. */
  public interface Listener {
    /** Another instance committed {@code version} of this player. */
    void changed(String userId, long version);

    /** Changes may have been missed: everything cached may be stale. */
    void gap();

    /** Whether changes are being heard right now. */
    void subscribed(boolean subscribed);
  }

  private final Vertx vertx;
  private final String channel;
  private final String instanceId;
  private final Listener listener;
  private final Redis publisher;
  private final Redis subscriberClient;
  private final long heartbeatMillis;
  private RedisConnection subscription;
  private long heartbeat = -1;
  /** When the subscription last showed it is alive (System.nanoTime); its handler may run on another thread. */
  private volatile long heardAt;
  private boolean stopped;
  private final AtomicLong publishFailures = new AtomicLong();

  public RedisChangeFeed(Vertx vertx, String redisUrl, String channel, String instanceId, Listener listener) {
    this(vertx, redisUrl, channel, instanceId, 4, listener);
  }

  /** @param poolSize connections used to publish */
  public RedisChangeFeed(Vertx vertx, String redisUrl, String channel, String instanceId, int poolSize,
      Listener listener) {
    this(vertx, redisUrl, channel, instanceId, poolSize, HEARTBEAT_MILLIS, listener);
  }

  /** @param heartbeatMillis how often the subscription is checked (tests shorten it) */
  RedisChangeFeed(Vertx vertx, String redisUrl, String channel, String instanceId, int poolSize,
      long heartbeatMillis, Listener listener) {
    this.vertx = vertx;
    this.channel = channel;
    this.instanceId = instanceId;
    this.listener = listener;
    this.heartbeatMillis = heartbeatMillis;
    RedisOptions options = new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(poolSize)
        .setMaxPoolWaiting(1000);
    options.getNetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    this.publisher = Redis.createClient(vertx, options);
    this.subscriberClient = Redis.createClient(vertx, new RedisOptions(options));
  }

  /** Starts listening; completes once subscribed (or failed: it keeps retrying in the background). */
  public Future<Void> start() {
    listener.subscribed(false);
    return subscribe().recover(error -> {
      LOG.warn("Redis change feed not subscribed ({}); retrying every {} ms, caches are bypassed meanwhile",
          error.getMessage(), RESUBSCRIBE_DELAY_MILLIS);
      scheduleResubscribe();
      return Future.succeededFuture();
    });
  }

  /** Announces a committed change; best effort (a lost message only delays other instances). */
  public void publish(String userId, long version) {
    publish(List.of(new PlayerChange(userId, version)));
  }

  /** Announces committed changes, in as few messages as possible; best effort. */
  public void publish(List<PlayerChange> changes) {
    for (int from = 0; from < changes.size(); from += MAX_CHANGES_PER_MESSAGE) {
      StringBuilder message = new StringBuilder(instanceId);
      for (PlayerChange change : changes.subList(from, Math.min(changes.size(), from + MAX_CHANGES_PER_MESSAGE))) {
        message.append('\t').append(change.userId()).append('\t').append(change.version());
      }
      publisher.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message.toString())).onFailure(error -> {
        long failures = publishFailures.incrementAndGet();
        if (failures % 1000 == 1) {
          LOG.warn("publishing player changes to Redis failed ({} so far): {}", failures, error.getMessage());
        }
      });
    }
  }

  public long publishFailures() {
    return publishFailures.get();
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(heartbeat);
    RedisConnection current = subscription;
    subscription = null;
    Future<Void> closed = current == null ? Future.succeededFuture() : current.close();
    return closed.eventually(() -> subscriberClient.close()).eventually(() -> publisher.close());
  }

  private Future<Void> subscribe() {
    return subscriberClient.connect().compose(connection -> {
      connection.handler(this::received);
      connection.exceptionHandler(error -> lost(connection, error.getMessage()));
      connection.endHandler(end -> lost(connection, "connection closed"));
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
          .timeout(2 * heartbeatMillis, TimeUnit.MILLISECONDS)
          .onFailure(error -> connection.close())
          .map(subscribed -> {
            subscription = connection;
            heardAt = System.nanoTime();
            heartbeat = vertx.setPeriodic(heartbeatMillis, tick -> checkAlive(connection));
            listener.gap();
            listener.subscribed(true);
            LOG.info("listening to player changes on Redis channel {}", channel);
            return null;
          });
    });
  }

  /**
   * A subscription from which nothing (a message, or the answer to a PING) arrived for two
   * heartbeats is lost, even if its socket looks open.
   */
  private void checkAlive(RedisConnection connection) {
    if (System.nanoTime() - heardAt > TimeUnit.MILLISECONDS.toNanos(2 * heartbeatMillis)) {
      lost(connection, "nothing heard for " + 2 * heartbeatMillis + " ms, not even an answer to PING");
      connection.close();
      return;
    }
    connection.send(Request.cmd(Command.PING)).onSuccess(pong -> heardAt = System.nanoTime());
  }

  private void received(Response response) {
    heardAt = System.nanoTime();
    if (response == null || (response.type() != ResponseType.PUSH && response.type() != ResponseType.MULTI)
        || response.size() != 3 || !"message".equals(response.get(0).toString())) {
      return; // subscription confirmations, and a PONG the client hands here instead of to its PING
    }
    String[] parts = response.get(2).toString().split("\t");
    if (parts.length < 3 || parts.length % 2 == 0 || parts[0].equals(instanceId)) {
      return;
    }
    for (int i = 1; i < parts.length; i += 2) {
      try {
        listener.changed(parts[i], Long.parseLong(parts[i + 1]));
      } catch (NumberFormatException malformed) {
        LOG.debug("ignoring malformed change {} {}", parts[i], parts[i + 1]);
      }
    }
  }

  private void lost(RedisConnection connection, String why) {
    if (subscription != connection) {
      return;
    }
    subscription = null;
    vertx.cancelTimer(heartbeat);
    listener.subscribed(false);
    LOG.warn("Redis change feed lost ({}); caches are bypassed until it is back", why);
    scheduleResubscribe();
  }

  private void scheduleResubscribe() {
    if (stopped) {
      return;
    }
    vertx.setTimer(RESUBSCRIBE_DELAY_MILLIS, tick -> {
      if (!stopped && subscription == null) {
        subscribe().onFailure(error -> scheduleResubscribe());
      }
    });
  }
}
