package dev.challengesuite.cache.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other instances which players this one changed, and hears what they changed, over a
 * Redis pub/sub channel. Messages are {@code instanceId \t userId \t version}; ids never contain
 * control characters (the API and the event edge refuse them).
 *
 * <p>Pub/sub delivers nothing that was published while a subscriber was disconnected, so after
 * every (re)subscription the listener hears {@link Listener#gap()}, and while the subscription is
 * down it hears {@code subscribed(false)}: its cached copies may then be stale and must not be
 * trusted.
 */
public final class RedisChangeFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeFeed.class);
  private static final long RESUBSCRIBE_DELAY_MILLIS = 1_000;

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
  private RedisConnection subscription;
  private boolean stopped;
  private long publishFailures;

  public RedisChangeFeed(Vertx vertx, String redisUrl, String channel, String instanceId, Listener listener) {
    this.vertx = vertx;
    this.channel = channel;
    this.instanceId = instanceId;
    this.listener = listener;
    RedisOptions options = new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(4).setMaxPoolWaiting(1000);
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
    String message = instanceId + '\t' + userId + '\t' + version;
    publisher.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message)).onFailure(error -> {
      if (publishFailures++ % 1000 == 0) {
        LOG.warn("publishing player changes to Redis failed ({} so far): {}", publishFailures, error.getMessage());
      }
    });
  }

  public long publishFailures() {
    return publishFailures;
  }

  public Future<Void> stop() {
    stopped = true;
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
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).map(subscribed -> {
        subscription = connection;
        listener.gap();
        listener.subscribed(true);
        LOG.info("listening to player changes on Redis channel {}", channel);
        return null;
      });
    });
  }

  private void received(Response response) {
    if (response.size() != 3 || !"message".equals(response.get(0).toString())) {
      return;
    }
    String[] parts = response.get(2).toString().split("\t", 3);
    if (parts.length != 3 || parts[0].equals(instanceId)) {
      return;
    }
    try {
      listener.changed(parts[1], Long.parseLong(parts[2]));
    } catch (NumberFormatException malformed) {
      LOG.debug("ignoring malformed change message {}", response);
    }
  }

  private void lost(RedisConnection connection, String why) {
    if (subscription != connection) {
      return;
    }
    subscription = null;
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
