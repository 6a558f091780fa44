package dev.challengesuite.http.auth;

import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A token split into its three compact-JWS parts, with the header decoded. The payload is decoded
 * only by {@link #claims()}, after the signature was checked.
 */
record CompactJws(JsonObject header, String payloadPart, byte[] signingInput, byte[] signature) {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  /** Splits and decodes; anything that is not {@code header.payload.signature} is malformed. */
  static CompactJws parse(String token) throws ChallengeException {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0
        || second < 0
        || second == first + 1
        || second == token.length() - 1
        || token.indexOf('.', second + 1) >= 0) {
      throw TokenErrors.MALFORMED;
    }
    JsonObject header = json(token.substring(0, first));
    byte[] signature = base64url(token.substring(second + 1));
    byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
    return new CompactJws(header, token.substring(first + 1, second), signingInput, signature);
  }

  /** The {@code alg} header, or null. */
  String algorithm() {
    return header.getValue("alg") instanceof String alg ? alg : null;
  }

  /** The {@code kid} header, or null when absent, not a string or empty. */
  String keyId() {
    return header.getValue("kid") instanceof String kid && !kid.isEmpty() ? kid : null;
  }

  /** The payload as a JSON object; malformed when it is not one. */
  JsonObject claims() throws ChallengeException {
    return json(payloadPart);
  }

  private static JsonObject json(String part) {
    try {
      return new JsonObject(new String(base64url(part), StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw TokenErrors.MALFORMED;
    }
  }

  /** RFC 7515 says unpadded; padded input is accepted too (as the reference does). */
  private static byte[] base64url(String part) {
    try {
      return BASE64URL.decode(part);
    } catch (IllegalArgumentException e) {
      throw TokenErrors.MALFORMED;
    }
  }
}
