package dev.challengesuite.http.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * RSA keys made in the test and tokens signed with them by {@code java.security}, independent of
 * the code under test. Keys are generated once per JVM (RSA 2048 generation is slow).
 */
public final class TestTokens {

  public static final KeyPair KEY_A = generate();
  public static final KeyPair KEY_B = generate();

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  /** A JWK Set publishing {@code kid → key} pairs: {@code jwks("a", KEY_A, "b", KEY_B)}. */
  public static JsonObject jwks(Object... kidsAndKeys) {
    JsonArray keys = new JsonArray();
    for (int i = 0; i < kidsAndKeys.length; i += 2) {
      keys.add(jwk((String) kidsAndKeys[i], (KeyPair) kidsAndKeys[i + 1]));
    }
    return new JsonObject().put("keys", keys);
  }

  /** The public half of {@code pair} as an RS256 signing JWK. */
  public static JsonObject jwk(String kid, KeyPair pair) {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    return new JsonObject()
        .put("kty", "RSA")
        .put("use", "sig")
        .put("alg", "RS256")
        .put("kid", kid)
        .put("n", unsigned(key.getModulus()))
        .put("e", unsigned(key.getPublicExponent()));
  }

  /** Claims for {@code sub} valid for an hour from {@code now}. */
  public static JsonObject claims(String sub, Instant now) {
    return new JsonObject()
        .put("sub", sub)
        .put("iat", now.getEpochSecond())
        .put("exp", now.getEpochSecond() + 3600)
        .put("namespace", "test-ns");
  }

  /** An RS256 token with header {@code {"alg":"RS256","kid":kid}}. */
  public static String rs256(String kid, JsonObject claims, PrivateKey key) {
    return sign(
        new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid), claims, key);
  }

  /** Any header and claims, signed SHA256withRSA. */
  public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    return signInput(part(header.encode()) + "." + part(claims.encode()), key);
  }

  /** {@code signingInput} (the first two parts, as they are) with its SHA256withRSA signature. */
  public static String signInput(String signingInput, PrivateKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** base64url of UTF-8 text, unpadded. */
  public static String part(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return BASE64URL.encodeToString(bytes);
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
