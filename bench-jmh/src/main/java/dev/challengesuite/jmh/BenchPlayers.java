package dev.challengesuite.jmh;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.EventRules;
import dev.challengesuite.common.progress.InitializeRules;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.SelectionRules;
import java.time.Duration;
import java.time.Instant;

/**
 * A player as the service would hold it after some play, built through the same rules the
 * partition applies (so it stays realistic whatever those rules store): initialised with the 500
 * default goals, a few logins, every stat code at 300 (about three goals in four completed, the
 * rest in progress), ten goals deactivated and ten re-activated (explicit rows).
 */
final class BenchPlayers {

  static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
  static final int STAT_VALUE = 300;

  private BenchPlayers() {}

  /** Just initialised: the 500 default goals, no event yet (the load bench's list-max players). */
  static PlayerProgress initialised(CatalogIndex catalog, String userId) {
    return InitializeRules.initialize(PlayerProgress.empty(userId), catalog, START).player();
  }

  static PlayerProgress played(CatalogIndex catalog, String userId) {
    Instant now = START;
    PlayerProgress player =
        InitializeRules.initialize(PlayerProgress.empty(userId), catalog, now).player();
    int eventNumber = 0;
    for (int login = 0; login < 7; login++) {
      now = now.plus(Duration.ofMinutes(1));
      player = apply(player, new PlayerEvent.Login("login-" + eventNumber++, userId), catalog, now);
    }
    for (int value : new int[] {5, 40, STAT_VALUE}) {
      for (String statCode : BenchCatalogs.STAT_CODES) {
        now = now.plus(Duration.ofSeconds(17));
        PlayerEvent stat = new PlayerEvent.Stat("stat-" + eventNumber++, userId, statCode, value, 1);
        player = apply(player, stat, catalog, now);
      }
    }
    for (Challenge challenge : catalog.challenges()) {
      Goal deactivated = challenge.goals().get(2);
      Goal reactivated = challenge.goals().get(7);
      now = now.plus(Duration.ofSeconds(3));
      player = setActive(player, catalog, deactivated, false, now);
      player = setActive(player, catalog, reactivated, false, now);
      player = setActive(player, catalog, reactivated, true, now);
    }
    return player;
  }

  private static PlayerProgress setActive(
      PlayerProgress player, CatalogIndex catalog, Goal goal, boolean active, Instant now) {
    return SelectionRules.setActive(player, catalog, goal.challengeId(), goal.id(), active, now)
        .player();
  }

  private static PlayerProgress apply(
      PlayerProgress player, PlayerEvent event, CatalogIndex catalog, Instant now) {
    return EventRules.apply(player, event, catalog, now).player();
  }
}
