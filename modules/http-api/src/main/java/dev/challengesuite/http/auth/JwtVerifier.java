package dev.challengesuite.http.auth;

import dev.challengesuite.common.error.ChallengeException;
import io.vertx.core.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

/**
 * Checks a parsed token against its signing key (reference §3.2, DECISIONS.md "Auth"): RS256
 * signature, {@code exp} required, {@code nbf} honoured, both with go-jose's 60 s leeway, a
 * non-empty {@code sub} of at most 100 characters, and {@code extend_namespace} (when present)
 * equal to the deployment's namespace. No I/O: key lookup is the caller's job.
 *
 * <p>The clock is the real wall clock, not the service clock: {@code clock.offsetSeconds} shifts
 * rotations for QA and must not make real tokens look expired.
 */
final class JwtVerifier {

  static final String RS256 = "RS256";
  static final long LEEWAY_SECONDS = 60;
  static final int MAX_SUBJECT_LENGTH = MockUserHeader.MAX_LENGTH;

  private final String namespace;
  private final Clock clock;

  JwtVerifier(String namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
  }

  /** The checks that need no key: algorithm and key id. Returns the key id. */
  static String keyIdOf(CompactJws jws) throws ChallengeException {
    // Only RS256: "none", HS* (a public key used as an HMAC secret) and the rest are refused.
    if (!RS256.equals(jws.algorithm())) {
      throw TokenErrors.UNSUPPORTED_ALGORITHM;
    }
    // We implement no JWS extension, so any critical one must be refused (RFC 7515 §4.1.11).
    if (jws.header().containsKey("crit")) {
      throw TokenErrors.UNSUPPORTED_CRITICAL;
    }
    String kid = jws.keyId();
    if (kid == null) {
      throw TokenErrors.NO_KEY_ID;
    }
    return kid;
  }

  /** Signature, then claims; the key must be the one named by the token's {@code kid}. */
  VerifiedToken verify(CompactJws jws, RSAPublicKey key) throws ChallengeException {
    String kid = keyIdOf(jws);
    if (!signatureValid(jws, key)) {
      throw TokenErrors.BAD_SIGNATURE;
    }
    JsonObject claims = jws.claims();
    long now = nowSeconds();
    Long expiresAt = seconds(claims, "exp");
    if (expiresAt == null) {
      throw TokenErrors.NO_EXPIRY;
    }
    if (now - LEEWAY_SECONDS > expiresAt) {
      throw TokenErrors.EXPIRED;
    }
    if (claims.containsKey("nbf")) {
      Long notBefore = seconds(claims, "nbf");
      if (notBefore == null) {
        throw TokenErrors.MALFORMED;
      }
      if (now + LEEWAY_SECONDS < notBefore) {
        throw TokenErrors.NOT_YET_VALID;
      }
    }
    String subject = claims.getValue("sub") instanceof String sub ? sub : null;
    if (!acceptableSubject(subject)) {
      throw TokenErrors.NO_SUBJECT;
    }
    // Only extend_namespace is compared; the plain "namespace" claim is not (as the reference).
    if (claims.containsKey("extend_namespace")
        && !namespace.equals(claims.getValue("extend_namespace"))) {
      throw TokenErrors.WRONG_NAMESPACE;
    }
    return new VerifiedToken(subject, expiresAt, kid, key);
  }

  /** Whether a verified token is still usable now (a cached one, checked again on every use). */
  boolean unexpired(VerifiedToken token) {
    return nowSeconds() - LEEWAY_SECONDS <= token.expiresAt();
  }

  private long nowSeconds() {
    return Math.floorDiv(clock.millis(), 1000);
  }

  private static boolean signatureValid(CompactJws jws, RSAPublicKey key) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(jws.signingInput());
      return verifier.verify(jws.signature());
    } catch (GeneralSecurityException e) {
      // A signature of the wrong length or an unusable key: not a valid signature either way.
      return false;
    }
  }

  /**
   * A NumericDate claim as whole seconds (fractions dropped, huge values saturated), or null when
   * absent or not a number.
   */
  private static Long seconds(JsonObject claims, String name) {
    return switch (claims.getValue(name)) {
      case Integer value -> (long) value;
      case Long value -> value;
      case Number value when !Double.isNaN(value.doubleValue()) ->
          (long) Math.floor(value.doubleValue());
      case null, default -> null;
    };
  }

  private static boolean acceptableSubject(String subject) {
    if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
      return false;
    }
    for (int i = 0; i < subject.length(); i++) {
      if (Character.isISOControl(subject.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
