package dev.challengesuite.http.auth;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static dev.challengesuite.http.auth.TestTokens.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class JwksKeysTest {

  private static final Duration LONG = Duration.ofMinutes(10);
  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private JwksKeys keys;

  @BeforeEach
  void vertx(Vertx vertx) {
    this.vertx = vertx;
  }

  @AfterEach
  void close() {
    if (keys != null) {
      keys.close();
    }
  }

  private boolean loadedAndIdle() {
    return keys.loaded() && !keys.fetching();
  }

  private void started(TestIam iam, Duration refresh, Duration minForced) {
    keys = JwksKeys.start(vertx, iam.jwksUrl(), refresh, minForced);
  }

  @Test
  @DisplayName("the keys are fetched once at start")
  void fetchedAtStart() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, LONG);

    Eventually.until(this::loadedAndIdle, WAIT);
    assertThat(keys.key("a")).isEqualTo(KEY_A.getPublic());
    assertThat(iam.fetches).hasValue(1);
  }

  @Test
  @DisplayName("concurrent unknown-kid refreshes share one fetch")
  void coalesced() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, Duration.ZERO);
    Eventually.until(this::loadedAndIdle, WAIT);
    iam.publish(TestTokens.jwks("a", KEY_A, "b", KEY_B));
    iam.delayMillis = 200;

    List<Future<Void>> refreshes =
        IntStream.range(0, 20).mapToObj(i -> keys.refreshForUnknownKey()).toList();
    Future.all(refreshes).await();

    assertThat(iam.fetches).hasValue(2);
    assertThat(keys.key("b")).isEqualTo(KEY_B.getPublic());
  }

  @Test
  @DisplayName("unknown-kid refreshes during the startup fetch join it")
  void joinStartupFetch() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    iam.delayMillis = 200;
    started(iam, LONG, Duration.ZERO);

    Future.all(IntStream.range(0, 20).mapToObj(i -> keys.refreshForUnknownKey()).toList()).await();

    assertThat(iam.fetches).hasValue(1);
    assertThat(keys.key("a")).isEqualTo(KEY_A.getPublic());
  }

  @Test
  @DisplayName("at most one forced refresh starts per minimum interval")
  void rateLimited() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, LONG);
    Eventually.until(this::loadedAndIdle, WAIT);

    for (int i = 0; i < 10; i++) {
      keys.refreshForUnknownKey().await();
    }

    assertThat(iam.fetches).hasValue(2);
  }

  @Test
  @DisplayName("a forced refresh is allowed again once the minimum interval has passed")
  void refreshAfterInterval() throws InterruptedException {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, Duration.ofMillis(300));
    Eventually.until(this::loadedAndIdle, WAIT);
    keys.refreshForUnknownKey().await();
    keys.refreshForUnknownKey().await();
    assertThat(iam.fetches).hasValue(2);

    Thread.sleep(350);
    keys.refreshForUnknownKey().await();

    assertThat(iam.fetches).hasValue(3);
  }

  @Test
  @DisplayName("a failed fetch keeps the keys already known")
  void failureKeepsKeys() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, Duration.ZERO);
    Eventually.until(this::loadedAndIdle, WAIT);
    iam.status = 500;

    keys.refreshForUnknownKey().await();

    assertThat(iam.fetches).hasValue(2);
    assertThat(keys.key("a")).isEqualTo(KEY_A.getPublic());
  }

  @Test
  @DisplayName("a fetched set without usable keys keeps the keys already known")
  void emptySetKeepsKeys() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, Duration.ZERO);
    Eventually.until(this::loadedAndIdle, WAIT);
    iam.publish(new JsonObject().put("keys", new JsonArray()));

    keys.refreshForUnknownKey().await();

    assertThat(keys.key("a")).isEqualTo(KEY_A.getPublic());
  }

  @Test
  @DisplayName("the background refresh replaces the keys: new ones appear, withdrawn ones go")
  void periodicRefresh() {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, Duration.ofMillis(100), LONG);
    Eventually.until(this::loadedAndIdle, WAIT);

    iam.publish(TestTokens.jwks("b", KEY_B));

    Eventually.until(() -> keys.key("b") != null, WAIT);
    assertThat(keys.key("a")).isNull();
  }

  @Test
  @DisplayName("with IAM down at start the service has no keys, and gets them once IAM is up")
  void downAtStart() throws InterruptedException {
    TestIam iam = TestIam.notListening(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, LONG, Duration.ofMillis(200));
    Thread.sleep(300);
    assertThat(keys.loaded()).isFalse();

    iam.listen();

    // Retried in the background every minimum interval while no key is loaded, not every 10 min.
    Eventually.until(this::loadedAndIdle, WAIT);
  }

  @Test
  @DisplayName("after close no more fetches happen")
  void closeStops() throws InterruptedException {
    TestIam iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    started(iam, Duration.ofMillis(50), LONG);
    Eventually.until(this::loadedAndIdle, WAIT);

    keys.close();
    int after = iam.fetches.get();
    Thread.sleep(300);

    assertThat(iam.fetches.get()).isLessThanOrEqualTo(after + 1);
  }
}
