package dev.challengesuite.http.auth;

import java.security.interfaces.RSAPublicKey;

/**
 * What an accepted token says: the player ({@code sub}), when it expires (epoch seconds), and the
 * key that verified it, so a cached token dies when IAM withdraws or replaces that key.
 */
record VerifiedToken(String userId, long expiresAt, String keyId, RSAPublicKey key) {}
