package dev.challengesuite.cache.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisChangeFeedTest {

  private final Vertx vertx = Vertx.vertx();
  private final String channel = "test-changes-" + UUID.randomUUID();

  /** Records what a feed reports. */
  private static final class Heard implements RedisChangeFeed.Listener {
    final List<String> changes = new CopyOnWriteArrayList<>();
    final List<Boolean> subscribed = new CopyOnWriteArrayList<>();
    volatile int gaps;

    @Override
    public void changed(String userId, long version) {
      changes.add(userId + "@" + version);
    }

    @Override
    public void gap() {
      gaps++;
    }

    @Override
    public void subscribed(boolean up) {
      subscribed.add(up);
    }
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private RedisChangeFeed feed(String instance, Heard heard) {
    RedisChangeFeed feed = new RedisChangeFeed(vertx, TestRedis.endpoint().uri(), channel, instance, heard);
    feed.start().await();
    return feed;
  }

  @Test
  @DisplayName("A change published by one instance is heard by the other, not by itself")
  void otherInstancesHearChanges() {
    Heard a = new Heard();
    Heard b = new Heard();
    RedisChangeFeed feedA = feed("a", a);
    feed("b", b);

    feedA.publish("alice", 7);

    Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> b.changes.contains("alice@7"));
    assertThat(a.changes).isEmpty();
  }

  @Test
  @DisplayName("A batch of changes travels in messages of at most 500 changes and is heard change by change")
  void batchOfChanges() {
    Heard b = new Heard();
    RedisChangeFeed feedA = feed("a", new Heard());
    feed("b", b);
    List<PlayerChange> changes = new java.util.ArrayList<>();
    for (int i = 0; i < RedisChangeFeed.MAX_CHANGES_PER_MESSAGE + 2; i++) {
      changes.add(new PlayerChange("player-" + i, i + 1));
    }

    feedA.publish(changes);

    Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> b.changes.size() == changes.size());
    assertThat(b.changes).containsExactlyInAnyOrderElementsOf(
        changes.stream().map(change -> change.userId() + "@" + change.version()).toList());
  }

  @Test
  @DisplayName("Subscribing reports a gap (changes before it were not heard) and then that it listens")
  void subscribingReportsGap() {
    Heard heard = new Heard();

    feed("a", heard);

    assertThat(heard.gaps).isEqualTo(1);
    assertThat(heard.subscribed).containsExactly(false, true);
  }

  @Test
  @DisplayName("With Redis unreachable the feed starts anyway and reports that it is not listening")
  void unreachableRedis() {
    Heard heard = new Heard();
    RedisChangeFeed feed = new RedisChangeFeed(vertx, "redis://127.0.0.1:1", channel, "a", heard);

    feed.start().await();
    feed.publish("alice", 1);

    assertThat(heard.subscribed).containsExactly(false);
    feed.stop().await();
  }

  @Test
  @DisplayName("A subscription that stops answering without closing is found lost by its heartbeat, and comes back")
  void silentNetworkFailure() {
    FreezableRelay relay = FreezableRelay.start(vertx, TestRedis.endpoint());
    Heard heard = new Heard();
    RedisChangeFeed feed = new RedisChangeFeed(vertx, "redis://127.0.0.1:" + relay.port(), channel, "a", 4, 100, heard);
    feed.start().await();

    relay.frozen = true;
    Awaitility.await().atMost(2, TimeUnit.SECONDS).until(() -> !heard.subscribed.getLast());
    relay.frozen = false;
    Awaitility.await().atMost(3, TimeUnit.SECONDS).until(() -> heard.subscribed.getLast());

    assertThat(heard.subscribed).containsExactly(false, true, false, true);
    assertThat(heard.gaps).isEqualTo(2);
    feed.stop().await();
  }

  /** A TCP relay to Redis that can stop relaying while keeping every socket open: a silent network failure. */
  private static final class FreezableRelay {
    private final NetServer server;
    volatile boolean frozen;

    private FreezableRelay(Vertx vertx, TestRedis.Endpoint redis) {
      NetClient client = vertx.createNetClient();
      server = vertx.createNetServer().connectHandler(in -> {
        in.pause();
        client.connect(redis.port(), redis.host()).onComplete(connected -> {
          if (connected.failed()) {
            in.close();
            return;
          }
          NetSocket out = connected.result();
          in.handler(bytes -> relay(bytes, out));
          out.handler(bytes -> relay(bytes, in));
          in.closeHandler(closed -> out.close());
          out.closeHandler(closed -> in.close());
          in.resume();
        });
      });
    }

    static FreezableRelay start(Vertx vertx, TestRedis.Endpoint redis) {
      FreezableRelay relay = new FreezableRelay(vertx, redis);
      relay.server.listen(0, "127.0.0.1").await();
      return relay;
    }

    int port() {
      return server.actualPort();
    }

    private void relay(Buffer bytes, NetSocket to) {
      if (!frozen) {
        to.write(bytes);
      }
    }
  }
}
