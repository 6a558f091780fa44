package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import java.time.Instant;

/** What initialize assigns and resets (reference §5.5, DECISIONS.md "Initialize"). */
public final class InitializeRules {

  private InitializeRules() {}

  public static InitializeChange initialize(PlayerProgress player, CatalogIndex catalog, Instant now) {
    throw new UnsupportedOperationException("InitializeRules is being written");
  }
}
