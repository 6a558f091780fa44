package dev.challengesuite.cache.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.time.Schedule;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sample catalog in conf/ loads and shows every feature a newcomer should see. */
class ShippedCatalogTest {

  // Surefire runs in the module directory.
  private static final Path SHIPPED = Path.of("../../conf/challenges.json");

  private static CatalogIndex index;

  @BeforeAll
  static void load() {
    index = CatalogLoader.load(SHIPPED);
  }

  @Test
  @DisplayName("it has 6 to 8 challenges and about 25 goals with unique ids")
  void size() {
    assertThat(index.challenges()).hasSizeBetween(6, 8);
    List<Goal> goals = goals();
    assertThat(goals).hasSizeBetween(22, 30);
    assertThat(goals.stream().map(Goal::id).distinct()).hasSameSizeAs(goals);
  }

  @Test
  @DisplayName("it has a prerequisite chain of at least three steps starting at a default goal")
  void tutorialChain() {
    Goal last = goals().stream().max((a, b) -> chainLength(a) - chainLength(b)).orElseThrow();
    assertThat(chainLength(last)).isGreaterThanOrEqualTo(3);
    Goal first = last;
    while (first.hasPrerequisites()) {
      first = index.goal(first.prerequisites().getFirst());
    }
    assertThat(first.defaultAssigned()).isTrue();
  }

  @Test
  @DisplayName("it has a login goal needing several logins")
  void loginGoal() {
    assertThat(goals())
        .anyMatch(
            goal ->
                goal.eventSource() == EventSource.LOGIN
                    && !goal.rotates()
                    && goal.requirement().targetValue() > 1);
  }

  @Test
  @DisplayName("its statistic goals use at least four stat codes")
  void statCodes() {
    assertThat(
            goals().stream()
                .filter(goal -> goal.eventSource() == EventSource.STATISTIC)
                .map(goal -> goal.requirement().statCode())
                .distinct())
        .hasSizeGreaterThanOrEqualTo(4)
        .contains("enemy_kills", "games_played", "wins", "headshots");
  }

  @Test
  @DisplayName("it grants both items and wallet credits")
  void rewardTypes() {
    assertThat(goals().stream().map(goal -> goal.reward().type()).distinct())
        .containsExactlyInAnyOrder(RewardType.ITEM, RewardType.WALLET);
  }

  @Test
  @DisplayName("it has default goals and goals left for the player to pick")
  void defaultGoals() {
    assertThat(index.defaultGoals()).isNotEmpty();
    assertThat(goals()).anyMatch(goal -> !goal.defaultAssigned());
  }

  @Test
  @DisplayName("it has a daily challenge of default, relative, daily-rotating goals")
  void dailyChallenge() {
    assertThat(index.challenges())
        .anyMatch(
            challenge ->
                all(challenge, goal -> rotatesOn(goal, Schedule.DAILY) && goal.defaultAssigned()));
  }

  @Test
  @DisplayName("it has a weekly challenge with a goal keeping progress and a goal claimable once")
  void weeklyChallenge() {
    assertThat(index.challenges())
        .anyMatch(
            challenge ->
                all(challenge, goal -> rotatesOn(goal, Schedule.WEEKLY))
                    && any(challenge, goal -> !goal.rotation().resetProgress())
                    && any(challenge, goal -> !goal.rotation().allowReselection()));
  }

  @Test
  @DisplayName("it has a monthly challenge")
  void monthlyChallenge() {
    assertThat(index.challenges())
        .anyMatch(challenge -> all(challenge, goal -> rotatesOn(goal, Schedule.MONTHLY)));
  }

  @Test
  @DisplayName("it has a relative goal that does not rotate")
  void relativeWithoutRotation() {
    assertThat(goals())
        .anyMatch(
            goal -> goal.requirement().progressMode() == ProgressMode.RELATIVE && !goal.rotates());
  }

  private static boolean rotatesOn(Goal goal, Schedule schedule) {
    return goal.rotates()
        && goal.rotation().schedule() == schedule
        && goal.requirement().progressMode() == ProgressMode.RELATIVE;
  }

  private static boolean all(Challenge challenge, Predicate<Goal> test) {
    return challenge.goals().stream().allMatch(test);
  }

  private static boolean any(Challenge challenge, Predicate<Goal> test) {
    return challenge.goals().stream().anyMatch(test);
  }

  private static int chainLength(Goal goal) {
    return goal.hasPrerequisites() ? 1 + chainLength(index.goal(goal.prerequisites().getFirst())) : 0;
  }

  private static List<Goal> goals() {
    return index.challenges().stream().flatMap(challenge -> challenge.goals().stream()).toList();
  }
}
