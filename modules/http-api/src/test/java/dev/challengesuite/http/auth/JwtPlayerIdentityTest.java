package dev.challengesuite.http.auth;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static dev.challengesuite.http.auth.TestTokens.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class JwtPlayerIdentityTest {

  private static final Instant START = Instant.parse("2025-01-15T10:30:00Z");

  private final MutableClock clock = new MutableClock(START);
  private TestIam iam;
  private JwksKeys keys;
  private JwtPlayerIdentity identity;

  @BeforeEach
  void start(Vertx vertx) {
    iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    keys = JwksKeys.start(vertx, iam.jwksUrl(), Duration.ofMinutes(10), Duration.ZERO);
    identity = new JwtPlayerIdentity(keys, "test-ns", clock);
    Eventually.until(() -> keys.loaded() && !keys.fetching(), Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    identity.close();
  }

  private static String tokenA(String sub) {
    return TestTokens.rs256("a", TestTokens.claims(sub, START), KEY_A.getPrivate());
  }

  private static void assertRefused(Runnable check, String message) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            ChallengeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "Bearer   ", "  Bearer "})
  @DisplayName("the Bearer scheme is matched case-insensitively")
  void bearerScheme(String prefix) {
    assertThat(JwtPlayerIdentity.tokenOf(prefix + "x.y.z")).isEqualTo("x.y.z");
  }

  @Test
  @DisplayName("a bare token without scheme is accepted, as on the reference's gateway routes")
  void bareToken() {
    assertThat(JwtPlayerIdentity.tokenOf("x.y.z")).isEqualTo("x.y.z");
  }

  @Test
  @DisplayName("another scheme is refused as not a Bearer token")
  void basicScheme() {
    assertRefused(
        () -> JwtPlayerIdentity.tokenOf("Basic dXNlcjpwYXNz"),
        "Authorization header is not a Bearer token");
    assertRefused(
        () -> JwtPlayerIdentity.tokenOf("Bearerx y"), "Authorization header is not a Bearer token");
  }

  @Test
  @DisplayName("an absent or blank header is refused as missing")
  void missingHeader() {
    assertRefused(() -> JwtPlayerIdentity.tokenOf(null), "missing Authorization header");
    assertRefused(() -> JwtPlayerIdentity.tokenOf("  "), "missing Authorization header");
  }

  @Test
  @DisplayName("a valid token is the player named by sub")
  void valid() {
    assertThat(identity.authenticate("Bearer " + tokenA("alice")).await()).isEqualTo("alice");
  }

  @Test
  @DisplayName("a cached token is refused once it expires")
  void cachedTokenExpires() {
    String token = "Bearer " + tokenA("alice");
    assertThat(identity.authenticate(token).await()).isEqualTo("alice");

    clock.advance(Duration.ofSeconds(3600 + 61));

    assertRefused(() -> identity.authenticate(token).await(), "token expired");
  }

  @Test
  @DisplayName("a cached token is refused once its key is withdrawn from the JWKS")
  void cachedTokenDiesWithItsKey() {
    String token = "Bearer " + tokenA("alice");
    assertThat(identity.authenticate(token).await()).isEqualTo("alice");

    iam.publish(TestTokens.jwks("b", KEY_B));
    keys.refreshForUnknownKey().await();

    assertRefused(() -> identity.authenticate(token).await(), "unknown signing key");
  }

  @Test
  @DisplayName("a cached token is refused once IAM publishes another key under its kid")
  void cachedTokenDiesWithReplacedKey() {
    String token = "Bearer " + tokenA("alice");
    assertThat(identity.authenticate(token).await()).isEqualTo("alice");

    iam.publish(TestTokens.jwks("a", KEY_B));
    keys.refreshForUnknownKey().await();

    assertRefused(() -> identity.authenticate(token).await(), "invalid token signature");
  }

  @Test
  @DisplayName("a token with a new kid triggers a refresh and is accepted once IAM publishes it")
  void rotatedKey() {
    iam.publish(TestTokens.jwks("a", KEY_A, "b", KEY_B));
    String token = TestTokens.rs256("b", TestTokens.claims("bob", START), KEY_B.getPrivate());

    assertThat(identity.authenticate("Bearer " + token).await()).isEqualTo("bob");
    assertThat(iam.fetches).hasValue(2);
  }

  @Test
  @DisplayName("a kid IAM does not publish is refused after the refresh")
  void unknownKid() {
    String token = TestTokens.rs256("nope", TestTokens.claims("bob", START), KEY_B.getPrivate());

    assertRefused(() -> identity.authenticate("Bearer " + token).await(), "unknown signing key");
    assertThat(iam.fetches).hasValue(2);
  }

  @Test
  @DisplayName("a refused token is not cached: it stays refused")
  void refusalNotCached() {
    String token =
        "Bearer " + TestTokens.rs256("a", TestTokens.claims("eve", START), KEY_B.getPrivate());

    assertRefused(() -> identity.authenticate(token).await(), "invalid token signature");
    assertRefused(() -> identity.authenticate(token).await(), "invalid token signature");
  }

  @Test
  @DisplayName("the identity is ready only while signing keys are loaded")
  void readiness(Vertx vertx) {
    TestIam down = TestIam.notListening(vertx, TestTokens.jwks("a", KEY_A));
    JwtPlayerIdentity waiting =
        new JwtPlayerIdentity(
            JwksKeys.start(vertx, down.jwksUrl(), Duration.ofMinutes(10), Duration.ofMinutes(10)),
            "test-ns",
            clock);
    try {
      assertThat(identity.ready()).isTrue();
      assertThat(waiting.ready()).isFalse();
    } finally {
      waiting.close();
    }
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private final AtomicLong millis;

    MutableClock(Instant start) {
      this.millis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration duration) {
      millis.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
