package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.player.PlayerEvent;
import java.time.Instant;

/** How one event changes one player (reference §5.3.4 table, DECISIONS.md "Events"). */
public final class EventRules {

  private EventRules() {}

  public static EventOutcome apply(
      PlayerProgress player, PlayerEvent event, CatalogIndex catalog, Instant now) {
    throw new UnsupportedOperationException("EventRules is being written");
  }
}
