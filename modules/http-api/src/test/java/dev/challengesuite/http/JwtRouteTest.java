package dev.challengesuite.http;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static dev.challengesuite.http.auth.TestTokens.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.http.auth.Eventually;
import dev.challengesuite.http.auth.JwksKeys;
import dev.challengesuite.http.auth.JwtPlayerIdentity;
import dev.challengesuite.http.auth.TestIam;
import dev.challengesuite.http.auth.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Auth on, through two deployed HttpApiVerticle instances sharing one identity and JWKS cache. */
@ExtendWith(VertxExtension.class)
class JwtRouteTest {

  private static final String LIST = ApiHarness.BASE + "/v1/challenges";
  private static final String INITIALIZE = ApiHarness.BASE + "/v1/challenges/initialize";

  private TestIam iam;
  private JwtPlayerIdentity identity;
  private ApiHarness api;

  @BeforeEach
  void start(Vertx vertx) {
    iam = TestIam.start(vertx, TestTokens.jwks("a", KEY_A));
    JwksKeys keys =
        JwksKeys.start(vertx, iam.jwksUrl(), Duration.ofMinutes(10), Duration.ofMinutes(1));
    identity = new JwtPlayerIdentity(keys, "test-ns", Clock.systemUTC());
    api = ApiHarness.start(vertx, identity, 2);
    api.databaseUp(true);
    Eventually.until(identity::ready, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    identity.close();
  }

  private static JsonObject claims(String sub) {
    return TestTokens.claims(sub, Instant.now());
  }

  private static String signedA(JsonObject claims) {
    return TestTokens.rs256("a", claims, KEY_A.getPrivate());
  }

  private HttpResponse<Buffer> get(String path, String authorization) {
    HttpRequest<Buffer> request = api.request(HttpMethod.GET, path);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return request.send().await();
  }

  private HttpResponse<Buffer> list(String authorization) {
    return get(LIST, authorization);
  }

  private static void assertUnauthenticated(HttpResponse<Buffer> response, String message) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(StrictJson.parse(response.bodyAsString()))
        .isEqualTo(
            new JsonObject()
                .put("code", 16)
                .put("message", message)
                .put("details", new io.vertx.core.json.JsonArray()));
    assertThat(response.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + message + "\"");
  }

  @Test
  @DisplayName("a valid bearer token lists the challenges of the player named by sub")
  void validToken() {
    HttpResponse<Buffer> response = list("Bearer " + signedA(claims("alice")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.players.received).containsExactly(new PlayerCommand.Get("alice"));
  }

  @Test
  @DisplayName("initialize acts for the player named by sub")
  void initializeForSubject() {
    HttpResponse<Buffer> response =
        api.request(HttpMethod.POST, INITIALIZE)
            .putHeader("Authorization", "Bearer " + signedA(claims("bob")))
            .send()
            .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.players.received).containsExactly(new PlayerCommand.Initialize("bob"));
  }

  @Test
  @DisplayName("a bare token and a lower-case scheme are accepted")
  void bareAndLowerCase() {
    assertThat(list(signedA(claims("alice"))).statusCode()).isEqualTo(200);
    assertThat(list("bearer " + signedA(claims("alice"))).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the same token on repeated requests keeps working (verified-token cache)")
  void repeatedToken() {
    String token = "Bearer " + signedA(claims("alice"));
    for (int i = 0; i < 5; i++) {
      assertThat(list(token).statusCode()).isEqualTo(200);
    }
    assertThat(api.players.received).hasSize(5);
  }

  @Test
  @DisplayName("an expired token is 401 with WWW-Authenticate, and no partition is asked")
  void expired() {
    long now = Instant.now().getEpochSecond();
    HttpResponse<Buffer> response =
        list("Bearer " + signedA(claims("alice").put("exp", now - 120)));

    assertUnauthenticated(response, "token expired");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a token whose nbf is in the future is 401")
  void notYetValid() {
    long now = Instant.now().getEpochSecond();
    HttpResponse<Buffer> response =
        list("Bearer " + signedA(claims("alice").put("nbf", now + 600)));

    assertUnauthenticated(response, "token not valid yet (nbf)");
  }

  @Test
  @DisplayName("a token signed by another key under a known kid is 401")
  void wrongKey() {
    HttpResponse<Buffer> response =
        list("Bearer " + TestTokens.rs256("a", claims("alice"), KEY_B.getPrivate()));

    assertUnauthenticated(response, "invalid token signature");
  }

  @Test
  @DisplayName(
      "after a key rotation the first token with the new kid refreshes the keys and passes")
  void rotatedKeys() {
    iam.publish(TestTokens.jwks("b", KEY_B));

    HttpResponse<Buffer> response =
        list("Bearer " + TestTokens.rs256("b", claims("bob"), KEY_B.getPrivate()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.players.received).containsExactly(new PlayerCommand.Get("bob"));
    assertThat(iam.fetches).hasValue(2);
  }

  @Test
  @DisplayName("tokens with made-up kids cause at most one JWKS fetch per interval")
  void garbageKids() {
    List<Future<HttpResponse<Buffer>>> concurrent =
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    api.request(HttpMethod.GET, LIST)
                        .putHeader(
                            "Authorization",
                            "Bearer "
                                + TestTokens.rs256(
                                    "garbage-" + i, claims("eve"), KEY_B.getPrivate()))
                        .send())
            .toList();
    Future.all(concurrent).await();
    List<HttpResponse<Buffer>> sequential =
        IntStream.range(10, 30)
            .mapToObj(
                i ->
                    list(
                        "Bearer "
                            + TestTokens.rs256("garbage-" + i, claims("eve"), KEY_B.getPrivate())))
            .toList();

    concurrent.forEach(response -> assertUnauthenticated(response.result(), "unknown signing key"));
    sequential.forEach(response -> assertUnauthenticated(response, "unknown signing key"));
    assertThat(iam.fetches).hasValue(2);
  }

  @Test
  @DisplayName("a token of another extend_namespace is 403 code 7 without WWW-Authenticate")
  void wrongNamespace() {
    HttpResponse<Buffer> response =
        list("Bearer " + signedA(claims("alice").put("extend_namespace", "other-ns")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(StrictJson.parse(response.bodyAsString()).getInteger("code")).isEqualTo(7);
    assertThat(response.getHeader("WWW-Authenticate")).isNull();
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("a token of the deployment's extend_namespace is accepted")
  void matchingNamespace() {
    HttpResponse<Buffer> response =
        list("Bearer " + signedA(claims("alice").put("extend_namespace", "test-ns")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a request without Authorization is 401 with WWW-Authenticate")
  void missingHeader() {
    assertUnauthenticated(list(null), "missing Authorization header");
  }

  @Test
  @DisplayName("with auth on, the x-mock-user-id header is not trusted")
  void mockHeaderIgnored() {
    HttpResponse<Buffer> response = api.get(LIST, "alice");

    assertUnauthenticated(response, "missing Authorization header");
    assertThat(api.players.received).isEmpty();
  }

  @Test
  @DisplayName("Basic credentials are 401")
  void basic() {
    assertUnauthenticated(
        list("Basic YWxpY2U6c2VjcmV0"), "Authorization header is not a Bearer token");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"two-parts", "bad-base64", "bad-json"})
  @DisplayName("a malformed token is 401")
  void malformed(String kind) {
    String[] parts = signedA(claims("alice")).split("\\.");
    String token =
        switch (kind) {
          case "two-parts" -> parts[0] + "." + parts[1];
          case "bad-base64" -> "%%%." + parts[1] + "." + parts[2];
          default -> TestTokens.part("{not json") + "." + parts[1] + "." + parts[2];
        };

    assertUnauthenticated(list("Bearer " + token), "malformed token");
  }

  @Test
  @DisplayName("an unsigned alg-none token is 401")
  void algNone() {
    String token =
        TestTokens.part("{\"alg\":\"none\",\"kid\":\"a\"}")
            + "."
            + TestTokens.part(claims("alice").encode())
            + "."
            + TestTokens.part("sig");

    assertUnauthenticated(
        list("Bearer " + token), "unsupported token algorithm: only RS256 is accepted");
  }

  @Test
  @DisplayName("an HS256 token keyed with the public key is 401")
  void algHs256() throws Exception {
    String input =
        TestTokens.part("{\"alg\":\"HS256\",\"kid\":\"a\"}")
            + "."
            + TestTokens.part(claims("alice").encode());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY_A.getPublic().getEncoded(), "HmacSHA256"));
    String token =
        input
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));

    assertUnauthenticated(
        list("Bearer " + token), "unsupported token algorithm: only RS256 is accepted");
  }

  @Test
  @DisplayName("a token without sub is 401")
  void noSubject() {
    JsonObject claims = claims("alice");
    claims.remove("sub");

    assertUnauthenticated(list("Bearer " + signedA(claims)), "token has no valid sub claim");
  }

  @Test
  @DisplayName("healthz and readyz need no token with auth on")
  void healthNeedsNoToken() {
    assertThat(get(ApiHarness.BASE + "/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get(ApiHarness.BASE + "/readyz", null).statusCode()).isEqualTo(200);
  }
}
