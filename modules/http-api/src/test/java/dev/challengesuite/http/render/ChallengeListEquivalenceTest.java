package dev.challengesuite.http.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.progress.EventRules;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import dev.challengesuite.common.progress.InitializeRules;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.ProgressRules;
import dev.challengesuite.common.progress.SelectionRules;
import dev.challengesuite.common.time.Schedule;
import dev.challengesuite.http.TestCatalog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optimised list rendering against {@link StraightforwardList}, byte for byte. */
class ChallengeListEquivalenceTest {

  private static final Instant START = Instant.parse("2025-03-30T22:15:00Z");
  private static final String[] STAT_CODES = {"kills", "wins", "tricks"};

  /** Statistic and login goals, absolute and relative, rotating or not, some with prerequisites. */
  private static CatalogIndex variedCatalog() {
    List<Challenge> challenges = new ArrayList<>(TestCatalog.catalog().challenges());
    Schedule[] schedules = Schedule.values();
    for (int c = 0; c < 4; c++) {
      List<Goal> goals = new ArrayList<>();
      for (int g = 0; g < 30; g++) {
        String id = "v" + c + "-" + g;
        boolean login = g % 7 == 3;
        Rotation rotation = g % 5 == 1
            ? new Rotation(schedules[g % schedules.length], g % 2 == 0, g % 3 == 0)
            : null;
        List<String> prerequisites = g % 9 == 8 ? List.of("v" + c + "-" + (g - 1)) : List.of();
        goals.add(new Goal(id, "Goal " + id, g % 4 == 0 ? "" : "Do \"" + id + "\"", "varied-" + c,
            login ? EventSource.LOGIN : EventSource.STATISTIC, g % 6 != 5,
            new Requirement(login ? "login_count" : STAT_CODES[g % STAT_CODES.length], ">=",
                1 + g * 7, g % 3 == 2 ? ProgressMode.RELATIVE : ProgressMode.ABSOLUTE),
            new Reward(g % 2 == 0 ? RewardType.ITEM : RewardType.WALLET, "r" + g, g + 1),
            prerequisites, rotation));
      }
      challenges.add(new Challenge("varied-" + c, "Varied " + c, c % 2 == 0 ? "" : "Mixed goals",
          goals));
    }
    return new CatalogIndex(new Catalog(challenges), "varied");
  }

  /** Initialised, then logins, stat events across two days, and goals switched on and off. */
  private static PlayerProgress variedPlayer(CatalogIndex catalog) {
    Instant now = START;
    PlayerProgress player =
        InitializeRules.initialize(PlayerProgress.empty("vera"), catalog, now).player();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 120; i++) {
      now = now.plus(Duration.ofMinutes(17));
      PlayerEvent event = i % 4 == 0
          ? new PlayerEvent.Login("e" + i, "vera")
          : new PlayerEvent.Stat("e" + i, "vera", STAT_CODES[i % STAT_CODES.length],
              random.nextInt(0, 250), random.nextInt(1, 20));
      player = EventRules.apply(player, event, catalog, now).player();
      if (i % 11 == 0) {
        Goal goal = catalog.goal("v" + (i % 4) + "-" + (i % 30));
        player = SelectionRules.setActive(player, catalog, goal.challengeId(), goal.id(),
            i % 22 != 0, now).player();
      }
    }
    return player;
  }

  private static GoalView randomView(SplittableRandom random) {
    GoalStatus[] statuses = GoalStatus.values();
    return new GoalView(statuses[random.nextInt(statuses.length)],
        random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(0, 1000), random.nextBoolean(),
        randomInstant(random), randomInstant(random), randomInstant(random), randomInstant(random),
        random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(0, 700_000),
        random.nextBoolean());
  }

  /** Null a third of the time; otherwise anywhere from 1600 to 2400, with a fraction. */
  private static Instant randomInstant(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return null;
    }
    return Instant.ofEpochSecond(random.nextLong(-11_676_096_000L, 13_569_465_600L),
        random.nextInt(1_000_000_000));
  }

  private static String pooled(ChallengeListRenderer renderer, PlayerGoalViews views,
      boolean activeOnly) {
    ByteBuf body = renderer.render(views, activeOnly, PooledByteBufAllocator.DEFAULT);
    try {
      return body.toString(StandardCharsets.UTF_8);
    } finally {
      body.release();
    }
  }

  @ParameterizedTest(name = "active only: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("random views of every goal render as the straightforward rendering does")
  void randomViews(boolean activeOnly) {
    List<Challenge> challenges = variedCatalog().challenges();
    ChallengeListRenderer renderer = new ChallengeListRenderer(challenges);
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      HandMadeViews views = new HandMadeViews();
      for (Challenge challenge : challenges) {
        for (Goal goal : challenge.goals()) {
          views.with(goal.id(), randomView(random)).unassigned(goal.id(), randomView(random));
        }
      }

      assertThat(pooled(renderer, views, activeOnly))
          .isEqualTo(StraightforwardList.render(challenges, views, activeOnly));
    }
  }

  @ParameterizedTest(name = "active only: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("a varied player renders as the straightforward rendering of each goal's own view")
  void variedPlayerByTheRules(boolean activeOnly) {
    CatalogIndex catalog = variedCatalog();
    PlayerProgress player = variedPlayer(catalog);
    GoalViewer goalByGoal = (goal, who, now) -> ProgressRules.view(goal, who, catalog, now);
    ChallengeListRenderer renderer = new ChallengeListRenderer(catalog.challenges());
    // a day and a half later: rotating goals have gone stale, others expire soon
    Instant now = START.plus(Duration.ofHours(60)).plusMillis(250);

    String fast = pooled(renderer, GoalViewer.rules(catalog).views(player, now), activeOnly);

    assertThat(fast).isEqualTo(
        StraightforwardList.render(catalog.challenges(), goalByGoal.views(player, now), activeOnly));
  }

  @Test
  @DisplayName("the varied player shows every status, inactive goals, locks and expiries")
  void variedPlayerIsVaried() {
    CatalogIndex catalog = variedCatalog();
    PlayerProgress player = variedPlayer(catalog);
    List<GoalView> views = new ArrayList<>();
    Instant now = START.plus(Duration.ofHours(60));
    catalog.challenges().forEach(challenge -> challenge.goals()
        .forEach(goal -> views.add(ProgressRules.view(goal, player, catalog, now))));

    assertThat(views).extracting(GoalView::status)
        .contains(GoalStatus.NOT_STARTED, GoalStatus.IN_PROGRESS, GoalStatus.COMPLETED);
    assertThat(views).extracting(GoalView::active).contains(true, false);
    assertThat(views).extracting(GoalView::locked).contains(true, false);
    assertThat(views).filteredOn(view -> view.expiresAt() != null).isNotEmpty();
    assertThat(views).filteredOn(view -> view.completedAt() != null).isNotEmpty();
  }

  @Test
  @DisplayName("the heap rendering has the same bytes as the pooled one")
  void heapAndPooledAgree() {
    CatalogIndex catalog = variedCatalog();
    PlayerGoalViews views =
        GoalViewer.rules(catalog).views(variedPlayer(catalog), START.plus(Duration.ofHours(5)));
    ChallengeListRenderer renderer = new ChallengeListRenderer(catalog.challenges());

    assertThat(renderer.render(views, false).toString()).isEqualTo(pooled(renderer, views, false));
  }
}
