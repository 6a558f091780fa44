package dev.challengesuite.cache.catalog;

import static dev.challengesuite.cache.catalog.TestCatalogs.catalog;
import static dev.challengesuite.cache.catalog.TestCatalogs.challenge;
import static dev.challengesuite.cache.catalog.TestCatalogs.challengeAt;
import static dev.challengesuite.cache.catalog.TestCatalogs.firstGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.goal;
import static dev.challengesuite.cache.catalog.TestCatalogs.oneGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.rotatingGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Goal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule: each catalog is valid except for the one thing the test breaks. */
class CatalogValidationTest extends CatalogFileTest {

  private static final String GOAL = "invalid goal 'g1' in challenge 'c1': ";

  @Test
  @DisplayName("the base catalogs of these tests are valid")
  void baseCatalogsAreValid() {
    assertThat(load(oneGoal()).goal("g1")).isNotNull();
    assertThat(load(catalog(challenge("c1", rotatingGoal("g1", "weekly")))).goal("g1").rotates())
        .isTrue();
  }

  @Nested
  @DisplayName("reference rules")
  class ReferenceRules {

    @Test
    @DisplayName("a catalog without challenges is rejected")
    void noChallenges() {
      assertRejected(catalog(), "config must have at least one challenge");
    }

    @Test
    @DisplayName("a catalog without the challenges key is rejected")
    void missingChallengesKey() {
      assertRejected(new JsonObject(), "config must have at least one challenge");
    }

    @Test
    @DisplayName("a challenge without id is rejected")
    void emptyChallengeId() {
      JsonObject catalog = oneGoal();
      challengeAt(catalog, 0).put("challengeId", "");
      assertRejected(catalog, "invalid challenge '': challenge ID cannot be empty");
    }

    @Test
    @DisplayName("a challenge without name is rejected")
    void emptyChallengeName() {
      JsonObject catalog = oneGoal();
      challengeAt(catalog, 0).remove("name");
      assertRejected(catalog, "invalid challenge 'c1': challenge name cannot be empty");
    }

    @Test
    @DisplayName("a challenge without goals is rejected")
    void challengeWithoutGoals() {
      assertRejected(
          catalog(challenge("c1")), "invalid challenge 'c1': challenge must have at least one goal");
    }

    @Test
    @DisplayName("two challenges with the same id are rejected at the second")
    void duplicateChallengeId() {
      JsonObject catalog = catalog(challenge("c1", goal("g1")), challenge("c1", goal("g2")));
      challengeAt(catalog, 1).put("name", "Second");
      assertRejected(catalog, "invalid challenge 'c1': duplicate challenge ID: c1");
    }

    @Test
    @DisplayName("a goal without id is rejected")
    void emptyGoalId() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("goalId", "");
      assertRejected(catalog, "invalid goal '' in challenge 'c1': goal ID cannot be empty");
    }

    @Test
    @DisplayName("a goal without name is rejected")
    void emptyGoalName() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("name", "");
      assertRejected(catalog, GOAL + "goal name cannot be empty");
    }

    @Test
    @DisplayName("a goal without eventSource is rejected")
    void emptyEventSource() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).remove("eventSource");
      assertRejected(catalog, GOAL + "event_source cannot be empty");
    }

    @Test
    @DisplayName("an eventSource other than login or statistic is rejected, case-sensitively")
    void invalidEventSource() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("eventSource", "Login");
      assertRejected(
          catalog, GOAL + "invalid event_source 'Login' (must be 'login' or 'statistic')");
    }

    @Test
    @DisplayName("a goal without statCode is rejected")
    void emptyStatCode() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("statCode", "");
      assertRejected(catalog, GOAL + "stat_code cannot be empty");
    }

    @Test
    @DisplayName("an operator other than >= is rejected")
    void unsupportedOperator() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("operator", ">");
      assertRejected(catalog, GOAL + "unsupported operator '>' (only '>=' supported)");
    }

    @Test
    @DisplayName("a targetValue of zero is rejected")
    void zeroTarget() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("targetValue", 0);
      assertRejected(catalog, GOAL + "target_value must be positive");
    }

    @Test
    @DisplayName("a negative targetValue is rejected")
    void negativeTarget() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("targetValue", -5);
      assertRejected(catalog, GOAL + "target_value must be positive");
    }

    @Test
    @DisplayName("a reward type other than ITEM or WALLET is rejected, case-sensitively")
    void unsupportedRewardType() {
      JsonObject catalog = oneGoal();
      reward(catalog).put("type", "item");
      assertRejected(
          catalog, GOAL + "unsupported reward type 'item' (only 'ITEM' or 'WALLET' allowed)");
    }

    @Test
    @DisplayName("a reward without rewardId is rejected")
    void emptyRewardId() {
      JsonObject catalog = oneGoal();
      reward(catalog).remove("rewardId");
      assertRejected(catalog, GOAL + "reward_id cannot be empty");
    }

    @Test
    @DisplayName("a reward quantity of zero is rejected")
    void zeroQuantity() {
      JsonObject catalog = oneGoal();
      reward(catalog).put("quantity", 0);
      assertRejected(catalog, GOAL + "reward quantity must be positive");
    }

    @Test
    @DisplayName("a progressMode other than absolute or relative is rejected, case-sensitively")
    void invalidProgressMode() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("progressMode", "ABSOLUTE");
      assertRejected(catalog, GOAL + "invalid progressMode 'ABSOLUTE'");
    }

    @Test
    @DisplayName("the legacy progress mode 'increment' is rejected")
    void legacyProgressMode() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("progressMode", "increment");
      assertRejected(catalog, GOAL + "invalid progressMode 'increment'");
    }

    @Test
    @DisplayName("an enabled rotation of a type other than global is rejected")
    void invalidRotationType() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
      rotation(catalog).put("type", "per_user");
      assertRejected(catalog, GOAL + "invalid rotation type 'per_user'");
    }

    @Test
    @DisplayName("an enabled rotation without type is rejected")
    void missingRotationType() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
      rotation(catalog).remove("type");
      assertRejected(catalog, GOAL + "invalid rotation type ''");
    }

    @Test
    @DisplayName("an enabled rotation with a schedule other than daily, weekly or monthly is rejected")
    void invalidRotationSchedule() {
      assertRejected(
          catalog(challenge("c1", rotatingGoal("g1", "hourly"))),
          GOAL + "invalid rotation schedule 'hourly'");
    }

    @Test
    @DisplayName("an enabled rotation on an absolute goal is rejected")
    void rotationNeedsRelativeMode() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
      requirement(catalog).put("progressMode", "absolute");
      assertRejected(catalog, GOAL + "rotation requires progressMode 'relative', got 'absolute'");
    }

    @Test
    @DisplayName("an enabled rotation on a goal without progressMode is rejected as absolute")
    void rotationWithDefaultedMode() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
      requirement(catalog).remove("progressMode");
      assertRejected(catalog, GOAL + "rotation requires progressMode 'relative', got 'absolute'");
    }

    @Test
    @DisplayName("a goal id used twice in one challenge is rejected at the second")
    void duplicateGoalIdInChallenge() {
      JsonObject catalog = catalog(challenge("c1", goal("g1"), goal("g1")));
      assertRejected(catalog, GOAL + "duplicate goal ID: g1");
    }

    @Test
    @DisplayName("a goal id used in two challenges is rejected at the second")
    void duplicateGoalIdAcrossChallenges() {
      JsonObject catalog = catalog(challenge("c1", goal("g1")), challenge("c2", goal("g1")));
      assertRejected(catalog, "invalid goal 'g1' in challenge 'c2': duplicate goal ID: g1");
    }

    @Test
    @DisplayName("a prerequisite naming no goal of the file is rejected")
    void unknownPrerequisite() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("prerequisites", new JsonArray().add("tutorial"));
      assertRejected(
          catalog, GOAL + "goal 'g1' has invalid prerequisite: 'tutorial' does not exist");
    }
  }

  @Nested
  @DisplayName("what the reference allows")
  class ReferenceAllows {

    @Test
    @DisplayName("a prerequisite may name a later goal of another challenge")
    void prerequisiteInLaterChallenge() {
      JsonObject first = goal("g1").put("prerequisites", new JsonArray().add("g2"));
      var index = load(catalog(challenge("c1", first), challenge("c2", goal("g2"))));
      assertThat(index.goal("g1").prerequisites()).containsExactly("g2");
    }

    @Test
    @DisplayName("a disabled rotation is not checked at all")
    void disabledRotationNotChecked() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "hourly")));
      rotation(catalog).put("enabled", false).put("type", "per_user");
      requirement(catalog).put("progressMode", "absolute");
      assertThat(load(catalog).goal("g1").rotates()).isFalse();
    }

    @Test
    @DisplayName("two goals may share a stat code")
    void sharedStatCode() {
      var index = load(catalog(challenge("c1", goal("g1"), goal("g2"))));
      assertThat(index.statisticGoals("enemy_kills")).extracting(Goal::id).containsExactly("g1", "g2");
    }
  }

  @Nested
  @DisplayName("our additional rules")
  class OwnRules {

    private static final String ID_101 = "x".repeat(101);

    @Test
    @DisplayName("a challenge id longer than 100 characters is rejected")
    void longChallengeId() {
      assertRejected(
          catalog(challenge(ID_101, goal("g1"))),
          "invalid challenge '" + ID_101 + "': challenge ID must be at most 100 characters");
    }

    @Test
    @DisplayName("a goal id longer than 100 characters is rejected")
    void longGoalId() {
      assertRejected(
          catalog(challenge("c1", goal(ID_101))),
          "invalid goal '" + ID_101 + "' in challenge 'c1': goal ID must be at most 100 characters");
    }

    @Test
    @DisplayName("a stat code longer than 100 characters is rejected")
    void longStatCode() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("statCode", ID_101);
      assertRejected(catalog, GOAL + "stat_code must be at most 100 characters");
    }

    @Test
    @DisplayName("a reward id longer than 100 characters is rejected")
    void longRewardId() {
      JsonObject catalog = oneGoal();
      reward(catalog).put("rewardId", ID_101);
      assertRejected(catalog, GOAL + "reward_id must be at most 100 characters");
    }

    @Test
    @DisplayName("ids of exactly 100 characters, counted in code points, are accepted")
    void hundredCharacters() {
      String emoji100 = "\uD83C\uDF84".repeat(100); // 100 code points, 200 UTF-16 chars
      JsonObject goal = goal(emoji100);
      goal.getJsonObject("requirement").put("statCode", "s".repeat(100));
      goal.getJsonObject("reward").put("rewardId", "r".repeat(100));
      assertThat(load(catalog(challenge("c".repeat(100), goal))).goal(emoji100)).isNotNull();
    }

    @Test
    @DisplayName("a goal listing itself as prerequisite is rejected")
    void selfPrerequisite() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("prerequisites", new JsonArray().add("g1"));
      assertRejected(catalog, GOAL + "goal 'g1' has a prerequisite cycle: g1 -> g1");
    }

    @Test
    @DisplayName("two goals requiring each other across challenges are rejected")
    void twoGoalCycle() {
      JsonObject first = goal("g1").put("prerequisites", new JsonArray().add("g2"));
      JsonObject second = goal("g2").put("prerequisites", new JsonArray().add("g1"));
      assertRejected(
          catalog(challenge("c1", first), challenge("c2", second)),
          GOAL + "goal 'g1' has a prerequisite cycle: g1 -> g2 -> g1");
    }

    @Test
    @DisplayName("a cycle is reported from the goal where it closes, not from a goal leading into it")
    void cycleBehindAChain() {
      JsonObject entry = goal("g0").put("prerequisites", new JsonArray().add("g1"));
      JsonObject first = goal("g1").put("prerequisites", new JsonArray().add("g2"));
      JsonObject second = goal("g2").put("prerequisites", new JsonArray().add("g3").add("g1"));
      assertRejected(
          catalog(challenge("c1", entry, first, second, goal("g3"))),
          GOAL + "goal 'g1' has a prerequisite cycle: g1 -> g2 -> g1");
    }

    @Test
    @DisplayName("a diamond of prerequisites is not a cycle")
    void diamondIsFine() {
      JsonObject top = goal("top").put("prerequisites", new JsonArray().add("left").add("right"));
      JsonObject left = goal("left").put("prerequisites", new JsonArray().add("base"));
      JsonObject right = goal("right").put("prerequisites", new JsonArray().add("base"));
      var index = load(catalog(challenge("c1", top, left, right, goal("base"))));
      assertThat(index.goal("top").prerequisites()).containsExactly("left", "right");
    }
  }

  @Nested
  @DisplayName("first failure wins")
  class FirstFailure {

    @Test
    @DisplayName("the goals of an earlier challenge are checked before a later challenge")
    void fileOrder() {
      JsonObject catalog = catalog(challenge("c1", goal("g1")), challenge("c2", goal("g2")));
      TestCatalogs.goalAt(catalog, 0, 0).getJsonObject("reward").put("quantity", 0);
      challengeAt(catalog, 1).put("name", "");
      assertRejected(catalog, GOAL + "reward quantity must be positive");
    }

    @Test
    @DisplayName("within a goal, the table order decides (statCode before targetValue)")
    void ruleOrder() {
      JsonObject catalog = oneGoal();
      requirement(catalog).put("statCode", "").put("targetValue", 0);
      assertRejected(catalog, GOAL + "stat_code cannot be empty");
    }

    @Test
    @DisplayName("every reference rule is checked before our rules, whatever the position")
    void referenceRulesFirst() {
      JsonObject catalog =
          catalog(challenge("c1", goal("x".repeat(101))), challenge("c2", goal("g2")));
      challengeAt(catalog, 1).put("name", "");
      assertRejected(catalog, "invalid challenge 'c2': challenge name cannot be empty");
    }
  }

  private static JsonObject requirement(JsonObject catalog) {
    return firstGoal(catalog).getJsonObject("requirement");
  }

  private static JsonObject reward(JsonObject catalog) {
    return firstGoal(catalog).getJsonObject("reward");
  }

  private static JsonObject rotation(JsonObject catalog) {
    return firstGoal(catalog).getJsonObject("rotation");
  }
}
