package dev.challengesuite.http.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JWK Set (RFC 7517) into RSA verification keys by {@code kid}. Keys that cannot verify
 * RS256 signatures (other key types, encryption keys, other algorithms, no kid) are skipped.
 */
final class Jwks {

  private static final Logger LOG = LoggerFactory.getLogger(Jwks.class);
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  /** RFC 7518 §3.3: RS256 keys are 2048 bits or larger. */
  static final int MIN_MODULUS_BITS = 2048;

  private Jwks() {}

  /**
   * The usable keys of a JWKS document.
   *
   * @throws IllegalArgumentException when the document is not a JWK Set or has no usable key (a
   *     caller then keeps the keys it had rather than lock everyone out)
   */
  static Map<String, RSAPublicKey> parse(String document) {
    JsonArray keys;
    try {
      keys = new JsonObject(document).getJsonArray("keys");
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JWK Set: " + e.getMessage());
    }
    if (keys == null) {
      throw new IllegalArgumentException("not a JWK Set: no \"keys\" array");
    }
    Map<String, RSAPublicKey> usable = new HashMap<>();
    for (Object entry : keys) {
      if (entry instanceof JsonObject jwk && isRs256VerificationKey(jwk)) {
        String kid = jwk.getString("kid");
        try {
          usable.put(kid, rsaKey(jwk.getString("n"), jwk.getString("e")));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
          LOG.warn("JWKS key {} skipped: {}", kid, e.toString());
        }
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalArgumentException("JWK Set has no usable RSA signing key");
    }
    return Map.copyOf(usable);
  }

  private static boolean isRs256VerificationKey(JsonObject jwk) {
    return "RSA".equals(jwk.getValue("kty"))
        && jwk.getValue("kid") instanceof String kid
        && !kid.isEmpty()
        && jwk.getValue("n") instanceof String
        && jwk.getValue("e") instanceof String
        && optional(jwk, "use", "sig")
        && optional(jwk, "alg", JwtVerifier.RS256);
  }

  /** An optional member: absent, or equal to the expected value. */
  private static boolean optional(JsonObject jwk, String name, String expected) {
    Object value = jwk.getValue(name);
    return value == null || expected.equals(value);
  }

  private static RSAPublicKey rsaKey(String modulus, String exponent)
      throws GeneralSecurityException {
    BigInteger n = new BigInteger(1, BASE64URL.decode(modulus));
    if (n.bitLength() < MIN_MODULUS_BITS) {
      throw new IllegalArgumentException("RSA modulus shorter than " + MIN_MODULUS_BITS + " bits");
    }
    RSAPublicKeySpec spec = new RSAPublicKeySpec(n, new BigInteger(1, BASE64URL.decode(exponent)));
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
  }
}
