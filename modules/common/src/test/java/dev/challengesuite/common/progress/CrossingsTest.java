package dev.challengesuite.common.progress;

import static dev.challengesuite.common.progress.Fixtures.EARLIER_TODAY;
import static dev.challengesuite.common.progress.Fixtures.NOW;
import static dev.challengesuite.common.progress.Fixtures.catalog;
import static dev.challengesuite.common.progress.Fixtures.loginGoal;
import static dev.challengesuite.common.progress.Fixtures.statisticGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.CatalogIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CrossingsTest {

  private static final int[] TARGETS = {10, 20, 50};

  private static Crossings kills(Crossing... crossings) {
    return new Crossings(Map.of("kills", List.of(crossings)));
  }

  @Nested
  @DisplayName("recording")
  class Recording {

    @Test
    @DisplayName("the first value reaching any target is recorded with its seq and time")
    void firstCrossing() {
      Crossings after = Crossings.NONE.record("kills", 12, 4, NOW, TARGETS);

      assertThat(after.of("kills")).containsExactly(new Crossing(12, 4, NOW));
    }

    @Test
    @DisplayName("a value below every target is not recorded")
    void belowEveryTarget() {
      assertThat(Crossings.NONE.record("kills", 9, 4, NOW, TARGETS)).isSameAs(Crossings.NONE);
    }

    @Test
    @DisplayName("a higher value that reaches no new target is not recorded")
    void noNewTarget() {
      Crossings before = kills(new Crossing(12, 4, EARLIER_TODAY));

      assertThat(before.record("kills", 19, 5, NOW, TARGETS)).isSameAs(before);
    }

    @Test
    @DisplayName("a lower value after a drop is not recorded, even when it reaches a target")
    void dropNotRecorded() {
      Crossings before = kills(new Crossing(25, 4, EARLIER_TODAY));

      assertThat(before.record("kills", 12, 5, NOW, TARGETS)).isSameAs(before);
    }

    @Test
    @DisplayName("a value reaching a target above the last crossing is appended")
    void newTargetAppended() {
      Crossing first = new Crossing(12, 4, EARLIER_TODAY);

      Crossings after = kills(first).record("kills", 20, 5, NOW, TARGETS);

      assertThat(after.of("kills")).containsExactly(first, new Crossing(20, 5, NOW));
    }

    @Test
    @DisplayName("a value jumping over several targets is one crossing")
    void severalTargetsOneCrossing() {
      Crossings after = Crossings.NONE.record("kills", 70, 4, NOW, TARGETS);

      assertThat(after.of("kills")).containsExactly(new Crossing(70, 4, NOW));
    }

    @Test
    @DisplayName("once the highest target is crossed nothing more is recorded (one entry a target)")
    void bounded() {
      Crossings before = kills(new Crossing(50, 4, EARLIER_TODAY));

      assertThat(before.record("kills", 1000, 5, NOW, TARGETS)).isSameAs(before);
    }

    @Test
    @DisplayName("counters are independent")
    void countersIndependent() {
      Crossings after = kills(new Crossing(50, 4, EARLIER_TODAY)).record("wins", 10, 5, NOW, TARGETS);

      assertThat(after.of("wins")).containsExactly(new Crossing(10, 5, NOW));
      assertThat(after.of("kills")).containsExactly(new Crossing(50, 4, EARLIER_TODAY));
    }
  }

  @Nested
  @DisplayName("reaching a target")
  class Reaching {

    private final Crossing twelve = new Crossing(12, 4, EARLIER_TODAY);
    private final Crossing sixty = new Crossing(60, 7, NOW);

    @Test
    @DisplayName("is the first crossing at or above the target")
    void firstAtOrAbove() {
      Crossings crossings = kills(twelve, sixty);

      assertThat(crossings.reaching("kills", 10)).isEqualTo(twelve);
      assertThat(crossings.reaching("kills", 12)).isEqualTo(twelve);
      assertThat(crossings.reaching("kills", 13)).isEqualTo(sixty);
    }

    @Test
    @DisplayName("is null above every crossing and for a counter without crossings")
    void none() {
      assertThat(kills(twelve, sixty).reaching("kills", 61)).isNull();
      assertThat(kills(twelve).reaching("wins", 1)).isNull();
    }
  }

  @Nested
  @DisplayName("targets of the catalog")
  class Targets {

    @Test
    @DisplayName("are the distinct sorted targets of absolute goals that do not rotate, per counter")
    void perCounter() {
      CatalogIndex catalog =
          catalog(
              statisticGoal("k50", "kills").target(50).build(),
              statisticGoal("k10", "kills").target(10).build(),
              statisticGoal("k10-again", "kills").target(10).build(),
              statisticGoal("k30-relative", "kills").target(30).relative().build(),
              statisticGoal("k40-daily", "kills").target(40).daily(true, true).build(),
              statisticGoal("w5", "wins").target(5).build(),
              loginGoal("l3").target(3).build());

      assertThat(catalog.crossingTargets("kills")).containsExactly(10, 50);
      assertThat(catalog.crossingTargets("wins")).containsExactly(5);
      assertThat(catalog.crossingTargets(Crossings.LOGINS)).containsExactly(3);
      assertThat(catalog.crossingTargets("deaths")).isEmpty();
    }

    @Test
    @DisplayName("a login goal's stat code is not a counter of its own")
    void loginGoalsOnLoginCounter() {
      CatalogIndex catalog = catalog(loginGoal("l3").target(3).build());

      assertThat(catalog.crossingTargets("login-count")).isEmpty();
    }
  }
}
