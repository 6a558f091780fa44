package dev.challengesuite.http.auth;

import static dev.challengesuite.http.auth.TestTokens.KEY_A;
import static dev.challengesuite.http.auth.TestTokens.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JwksTest {

  private static String set(JsonObject... keys) {
    return new JsonObject().put("keys", new JsonArray(java.util.List.of((Object[]) keys))).encode();
  }

  @Test
  @DisplayName("every RSA signing key is read by kid, equal to the published public key")
  void readsKeys() {
    var keys = Jwks.parse(TestTokens.jwks("a", KEY_A, "b", KEY_B).encode());

    assertThat(keys).containsOnlyKeys("a", "b");
    assertThat(keys.get("a")).isEqualTo(KEY_A.getPublic());
  }

  @Test
  @DisplayName("keys without use and alg are accepted")
  void minimalKey() {
    JsonObject jwk = TestTokens.jwk("a", KEY_A);
    jwk.remove("use");
    jwk.remove("alg");

    assertThat(Jwks.parse(set(jwk))).containsOnlyKeys("a");
  }

  @Test
  @DisplayName(
      "encryption keys, other algorithms, other key types and keys without kid are skipped")
  void skipsUnusableKeys() {
    String document =
        set(
            TestTokens.jwk("enc", KEY_A).put("use", "enc"),
            TestTokens.jwk("rs512", KEY_A).put("alg", "RS512"),
            TestTokens.jwk("ec", KEY_A).put("kty", "EC"),
            TestTokens.jwk("", KEY_A),
            new JsonObject().put("kid", "no-modulus").put("kty", "RSA"),
            TestTokens.jwk("good", KEY_B));

    assertThat(Jwks.parse(document)).containsOnlyKeys("good");
  }

  @Test
  @DisplayName("an RSA key shorter than 2048 bits is skipped")
  void skipsShortKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    String document =
        set(TestTokens.jwk("short", generator.generateKeyPair()), TestTokens.jwk("a", KEY_A));

    assertThat(Jwks.parse(document)).containsOnlyKeys("a");
  }

  @Test
  @DisplayName("a set with no usable key is an error, so the caller keeps its old keys")
  void noUsableKey() {
    assertThatThrownBy(() -> Jwks.parse(set(TestTokens.jwk("enc", KEY_A).put("use", "enc"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a document that is not a JWK Set is an error")
  void notAJwkSet() {
    assertThatThrownBy(() -> Jwks.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jwks.parse("{\"keys\":1}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jwks.parse("{}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jwks.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
