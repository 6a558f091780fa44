package dev.challengesuite.http.auth;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static dev.challengesuite.http.auth.TestTokens.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtVerifierTest {

  private static final Instant NOW = Instant.parse("2025-01-15T10:30:00Z");
  private static final long NOW_S = NOW.getEpochSecond();
  private static final RSAPublicKey PUBLIC_A = (RSAPublicKey) KEY_A.getPublic();

  private final JwtVerifier verifier = new JwtVerifier("test-ns", Clock.fixed(NOW, ZoneOffset.UTC));

  private VerifiedToken verify(String token) {
    return verifier.verify(CompactJws.parse(token), PUBLIC_A);
  }

  private static String signedA(JsonObject claims) {
    return TestTokens.rs256("a", claims, KEY_A.getPrivate());
  }

  private static JsonObject claims() {
    return TestTokens.claims("alice", NOW);
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

  @Test
  @DisplayName("a valid token gives its sub, expiry and key id")
  void valid() {
    assertThat(verify(signedA(claims())))
        .isEqualTo(new VerifiedToken("alice", NOW_S + 3600, "a", PUBLIC_A));
  }

  @Test
  @DisplayName("a token expired more than 60 s ago is refused as expired")
  void expired() {
    assertRefused(() -> verify(signedA(claims().put("exp", NOW_S - 61))), "token expired");
  }

  @Test
  @DisplayName("a token expired less than 60 s ago is still accepted (go-jose leeway)")
  void expiredWithinLeeway() {
    assertThat(verify(signedA(claims().put("exp", NOW_S - 60))).userId()).isEqualTo("alice");
  }

  @Test
  @DisplayName("a token without exp is refused")
  void noExpiry() {
    JsonObject claims = claims();
    claims.remove("exp");
    assertRefused(() -> verify(signedA(claims)), "token has no exp claim");
  }

  @Test
  @DisplayName("an exp that is not a number is refused as missing")
  void textExpiry() {
    assertRefused(() -> verify(signedA(claims().put("exp", "tomorrow"))), "token has no exp claim");
  }

  @Test
  @DisplayName("a fractional exp is accepted")
  void fractionalExpiry() {
    assertThat(verify(signedA(claims().put("exp", NOW_S + 10.5))).expiresAt())
        .isEqualTo(NOW_S + 10);
  }

  @Test
  @DisplayName("a huge exp does not overflow into an expired token")
  void hugeExpiry() {
    assertThat(verify(signedA(claims().put("exp", 1e300))).userId()).isEqualTo("alice");
  }

  @Test
  @DisplayName("a token whose nbf is more than 60 s ahead is refused")
  void notYetValid() {
    assertRefused(
        () -> verify(signedA(claims().put("nbf", NOW_S + 61))), "token not valid yet (nbf)");
  }

  @Test
  @DisplayName("a token whose nbf is less than 60 s ahead is accepted")
  void notBeforeWithinLeeway() {
    assertThat(verify(signedA(claims().put("nbf", NOW_S + 60))).userId()).isEqualTo("alice");
  }

  @Test
  @DisplayName("an nbf that is not a number makes the token malformed")
  void textNotBefore() {
    assertRefused(() -> verify(signedA(claims().put("nbf", "now"))), "malformed token");
  }

  @Test
  @DisplayName("a token signed by another key with the same kid is refused")
  void otherKey() {
    String token = TestTokens.rs256("a", claims(), KEY_B.getPrivate());
    assertRefused(() -> verify(token), "invalid token signature");
  }

  @Test
  @DisplayName("a token whose payload was changed after signing is refused")
  void tamperedPayload() {
    String[] parts = signedA(claims()).split("\\.");
    String forged =
        parts[0]
            + "."
            + TestTokens.part(TestTokens.claims("mallory", NOW).encode())
            + "."
            + parts[2];
    assertRefused(() -> verify(forged), "invalid token signature");
  }

  @ParameterizedTest(name = "sub {0}")
  @ValueSource(strings = {"missing", "empty", "too-long", "number", "control"})
  @DisplayName("a token without a usable sub is refused")
  void badSubject(String kind) {
    JsonObject claims = claims();
    switch (kind) {
      case "missing" -> claims.remove("sub");
      case "empty" -> claims.put("sub", "");
      case "too-long" -> claims.put("sub", "u".repeat(101));
      case "number" -> claims.put("sub", 42);
      default -> claims.put("sub", "bad\nuser");
    }
    assertRefused(() -> verify(signedA(claims)), "token has no valid sub claim");
  }

  @Test
  @DisplayName("a sub of exactly 100 characters is accepted")
  void longestSubject() {
    assertThat(verify(signedA(claims().put("sub", "u".repeat(100)))).userId()).hasSize(100);
  }

  @Test
  @DisplayName("an extend_namespace other than the deployment's is 403 code 7")
  void wrongNamespace() {
    assertThatThrownBy(() -> verify(signedA(claims().put("extend_namespace", "other-ns"))))
        .isInstanceOfSatisfying(
            ChallengeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
  }

  @Test
  @DisplayName("an extend_namespace equal to the deployment's is accepted")
  void matchingNamespace() {
    assertThat(verify(signedA(claims().put("extend_namespace", "test-ns"))).userId())
        .isEqualTo("alice");
  }

  @Test
  @DisplayName("the plain namespace claim is not compared")
  void plainNamespaceIgnored() {
    assertThat(verify(signedA(claims().put("namespace", "other-ns"))).userId()).isEqualTo("alice");
  }

  @Test
  @DisplayName("an expired token of another namespace is 401, not 403")
  void expiredBeforeNamespace() {
    assertRefused(
        () -> verify(signedA(claims().put("exp", NOW_S - 3600).put("extend_namespace", "x"))),
        "token expired");
  }

  @ParameterizedTest(name = "alg {0}")
  @ValueSource(strings = {"none", "HS256", "RS512", "PS256", "rs256"})
  @DisplayName("any algorithm but RS256 is refused")
  void otherAlgorithms(String alg) {
    String token =
        TestTokens.sign(
            new JsonObject().put("alg", alg).put("kid", "a"), claims(), KEY_A.getPrivate());
    assertRefused(() -> verify(token), "unsupported token algorithm: only RS256 is accepted");
  }

  @Test
  @DisplayName("an unsigned alg-none token with an empty signature is malformed")
  void unsignedNone() {
    String token =
        TestTokens.part("{\"alg\":\"none\",\"kid\":\"a\"}")
            + "."
            + TestTokens.part(claims().encode())
            + ".";
    assertRefused(() -> verify(token), "malformed token");
  }

  @Test
  @DisplayName("a header without kid is refused")
  void noKid() {
    String token =
        TestTokens.sign(new JsonObject().put("alg", "RS256"), claims(), KEY_A.getPrivate());
    assertRefused(() -> verify(token), "token header has no kid");
  }

  @Test
  @DisplayName("a header with a crit extension is refused")
  void criticalHeader() {
    String token =
        TestTokens.sign(
            new JsonObject()
                .put("alg", "RS256")
                .put("kid", "a")
                .put("crit", new io.vertx.core.json.JsonArray().add("exp")),
            claims(),
            KEY_A.getPrivate());
    assertRefused(() -> verify(token), "unsupported critical token header");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "two.parts",
        "four.parts.in.token",
        "a..c",
        ".b.c",
        "a.b.",
        "x",
        "!!!.e30.c2ln",
        "bm90IGpzb24.e30.c2ln",
        "WzFd.e30.c2ln",
        "bnVsbA.e30.c2ln"
      })
  @DisplayName("a token that is not a compact JWS with a JSON header is malformed")
  void malformed(String token) {
    assertRefused(() -> CompactJws.parse(token), "malformed token");
  }

  @Test
  @DisplayName("a correctly signed payload that is not JSON is malformed")
  void payloadNotJson() {
    String token =
        TestTokens.signInput(
            TestTokens.part("{\"alg\":\"RS256\",\"kid\":\"a\"}")
                + "."
                + TestTokens.part("not json"),
            KEY_A.getPrivate());
    assertRefused(() -> verify(token), "malformed token");
  }

  @Test
  @DisplayName("padded base64url parts are accepted")
  void paddedParts() {
    String[] parts = signedA(claims()).split("\\.");
    String token = TestTokens.signInput(pad(parts[0]) + "." + pad(parts[1]), KEY_A.getPrivate());
    assertThat(token).contains("=");
    assertThat(verify(token).userId()).isEqualTo("alice");
  }

  private static String pad(String part) {
    return part + "=".repeat((4 - part.length() % 4) % 4);
  }
}
