package dev.challengesuite.common.store;

import java.util.Set;

/**
 * Reply to {@link PlayerWriteBatch}: the batch's transaction committed, except for the players in
 * {@code conflicted}, whose stored version was not the write's {@code expectedVersion} (another
 * instance wrote them first). Nothing of a conflicted player's write was stored; every other write
 * of the batch was.
 */
public record WriteResult(Set<String> conflicted) {

  public static final WriteResult ALL_COMMITTED = new WriteResult(Set.of());

  public WriteResult {
    conflicted = Set.copyOf(conflicted);
  }

  public boolean committed(String userId) {
    return !conflicted.contains(userId);
  }
}
