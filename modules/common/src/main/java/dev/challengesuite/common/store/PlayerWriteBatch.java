package dev.challengesuite.common.store;

import java.util.List;

/** Writes of several players committed in one transaction (at most one write per player). */
public record PlayerWriteBatch(List<PlayerWrite> writes) {

  public PlayerWriteBatch {
    writes = List.copyOf(writes);
  }
}
