package dev.challengesuite.http.auth;

/**
 * What an accepted token says: the player ({@code sub}), when it expires (epoch seconds) and which
 * key signed it (so a cached token dies with its key).
 */
record VerifiedToken(String userId, long expiresAt, String keyId) {}
