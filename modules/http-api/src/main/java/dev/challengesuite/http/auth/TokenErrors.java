package dev.challengesuite.http.auth;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;

/**
 * Why a bearer token was refused (DECISIONS.md "Auth"): everything is 401 code 16 except a token of
 * another namespace (403 code 7). Messages are fixed texts, never parts of the token, so they are
 * safe in the JSON body and in the {@code WWW-Authenticate} header.
 */
final class TokenErrors {

  static final ChallengeException MISSING_HEADER = unauthenticated("missing Authorization header");
  static final ChallengeException NOT_BEARER =
      unauthenticated("Authorization header is not a Bearer token");
  static final ChallengeException MALFORMED = unauthenticated("malformed token");
  static final ChallengeException UNSUPPORTED_ALGORITHM =
      unauthenticated("unsupported token algorithm: only RS256 is accepted");
  static final ChallengeException UNSUPPORTED_CRITICAL =
      unauthenticated("unsupported critical token header");
  static final ChallengeException NO_KEY_ID = unauthenticated("token header has no kid");
  static final ChallengeException UNKNOWN_KEY = unauthenticated("unknown signing key");
  static final ChallengeException BAD_SIGNATURE = unauthenticated("invalid token signature");
  static final ChallengeException NO_EXPIRY = unauthenticated("token has no exp claim");
  static final ChallengeException EXPIRED = unauthenticated("token expired");
  static final ChallengeException NOT_YET_VALID = unauthenticated("token not valid yet (nbf)");
  static final ChallengeException NO_SUBJECT = unauthenticated("token has no valid sub claim");
  static final ChallengeException WRONG_NAMESPACE =
      new ChallengeException(
          ErrorCode.PERMISSION_DENIED, "token namespace does not match this deployment");

  private TokenErrors() {}

  private static ChallengeException unauthenticated(String message) {
    return new ChallengeException(ErrorCode.UNAUTHENTICATED, message);
  }
}
