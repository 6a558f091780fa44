package dev.challengesuite.http.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, so a client's repeated requests skip the RSA check and JSON parsing.
 * Keyed by the whole token string: a short hash as key would let a forged token that collides with
 * a cached one pass as it. Bounded by two generations: when the current one is full it becomes the
 * previous one and the old previous one is dropped; a hit in the previous generation is promoted,
 * so tokens in use stay. The caller still checks expiry on every hit.
 */
final class VerifiedTokens {

  private final int generationSize;
  private volatile ConcurrentHashMap<String, VerifiedToken> current = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<String, VerifiedToken> previous = new ConcurrentHashMap<>();

  /** Holds at most about {@code 2 * generationSize} tokens. */
  VerifiedTokens(int generationSize) {
    this.generationSize = generationSize;
  }

  /** The verified token, or null. */
  VerifiedToken get(String token) {
    VerifiedToken hit = current.get(token);
    if (hit == null) {
      hit = previous.get(token);
      if (hit != null) {
        put(token, hit);
      }
    }
    return hit;
  }

  void put(String token, VerifiedToken verified) {
    ConcurrentHashMap<String, VerifiedToken> generation = current;
    generation.put(token, verified);
    if (generation.size() >= generationSize) {
      rotate(generation);
    }
  }

  void remove(String token) {
    current.remove(token);
    previous.remove(token);
  }

  private synchronized void rotate(ConcurrentHashMap<String, VerifiedToken> full) {
    if (current == full) {
      previous = full;
      current = new ConcurrentHashMap<>();
    }
  }
}
