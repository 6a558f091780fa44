package dev.challengesuite.http;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.http.auth.Eventually;
import dev.challengesuite.http.auth.JwksKeys;
import dev.challengesuite.http.auth.JwtPlayerIdentity;
import dev.challengesuite.http.auth.TestIam;
import dev.challengesuite.http.auth.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class JwksOutageRouteTest {

  @Test
  @DisplayName(
      "with IAM down at startup the API starts, refuses tokens and is not ready, then recovers")
  void iamDownAtStartup(Vertx vertx) {
    TestIam iam = TestIam.notListening(vertx, TestTokens.jwks("a", KEY_A));
    JwtPlayerIdentity identity =
        new JwtPlayerIdentity(
            JwksKeys.start(vertx, iam.jwksUrl(), Duration.ofMinutes(10), Duration.ofMillis(200)),
            "test-ns",
            Clock.systemUTC());
    try {
      ApiHarness api = ApiHarness.start(vertx, identity, 1);
      api.databaseUp(true);
      String token =
          "Bearer "
              + TestTokens.rs256(
                  "a", TestTokens.claims("alice", Instant.now()), KEY_A.getPrivate());

      HttpResponse<Buffer> refused =
          api.request(HttpMethod.GET, ApiHarness.BASE + "/v1/challenges")
              .putHeader("Authorization", token)
              .send()
              .await();
      HttpResponse<Buffer> notReady = api.get(ApiHarness.BASE + "/readyz", null);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(StrictJson.parse(notReady.bodyAsString()).getString("message"))
          .isEqualTo("token signing keys not loaded");

      iam.listen();
      Eventually.until(identity::ready, Duration.ofSeconds(5));

      HttpResponse<Buffer> accepted =
          api.request(HttpMethod.GET, ApiHarness.BASE + "/v1/challenges")
              .putHeader("Authorization", token)
              .send()
              .await();
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(api.get(ApiHarness.BASE + "/readyz", null).statusCode()).isEqualTo(200);
    } finally {
      identity.close();
    }
  }
}
