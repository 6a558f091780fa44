package dev.challengesuite.cache.catalog;

import static dev.challengesuite.cache.catalog.TestCatalogs.catalog;
import static dev.challengesuite.cache.catalog.TestCatalogs.challenge;
import static dev.challengesuite.cache.catalog.TestCatalogs.challengeAt;
import static dev.challengesuite.cache.catalog.TestCatalogs.firstGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.oneGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.rotatingGoal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.catalog.Goal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatalogParsingTest extends CatalogFileTest {

  private static final String GOAL = "invalid goal 'g1' in challenge 'c1': ";

  @Nested
  @DisplayName("keys")
  class Keys {

    @Test
    @DisplayName("keys match whatever their case")
    void caseInsensitiveKeys() {
      Goal goal =
          load(
                  """
                  {"CHALLENGES": [{"ChallengeID": "c1", "NAME": "C", "Goals": [{
                    "GoalID": "g1", "name": "G", "EventSource": "login", "DEFAULTASSIGNED": true,
                    "Requirement": {"STATCODE": "login_count", "Operator": ">=", "TargetValue": 3,
                                    "progressmode": "relative"},
                    "REWARD": {"Type": "WALLET", "RewardId": "GEMS", "Quantity": 5}}]}]}
                  """)
              .goal("g1");
      assertThat(goal.challengeId()).isEqualTo("c1");
      assertThat(goal.defaultAssigned()).isTrue();
      assertThat(goal.requirement().statCode()).isEqualTo("login_count");
      assertThat(goal.requirement().targetValue()).isEqualTo(3);
      assertThat(goal.requirement().progressMode().wire()).isEqualTo("relative");
      assertThat(goal.reward().rewardId()).isEqualTo("GEMS");
      assertThat(goal.reward().quantity()).isEqualTo(5);
    }

    @Test
    @DisplayName("of two keys differing only in case, the last one in the file wins")
    void lastMatchingKeyWins() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("Name", "Second");
      assertThat(load(catalog).goal("g1").name()).isEqualTo("Second");
    }

    @Test
    @DisplayName("unknown keys, including the legacy type and daily fields, are ignored")
    void unknownKeysIgnored() {
      JsonObject catalog = oneGoal().put("version", 3);
      challengeAt(catalog, 0).put("theme", new JsonObject().put("color", "blue"));
      firstGoal(catalog).put("type", "daily").put("daily", true).put("icon", 7);
      firstGoal(catalog).getJsonObject("requirement").put("comparator", new JsonArray());
      assertThat(load(catalog).goal("g1").name()).isEqualTo("Goal g1");
    }

    @Test
    @DisplayName("a challengeId inside a goal is ignored: the goal belongs to its parent")
    void goalChallengeIdIgnored() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("challengeId", "elsewhere");
      assertThat(load(catalog).goal("g1").challengeId()).isEqualTo("c1");
    }

    @Test
    @DisplayName("null counts as a missing value")
    void nullIsMissing() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).putNull("description").putNull("prerequisites").putNull("rotation");
      Goal goal = load(catalog).goal("g1");
      assertThat(goal.description()).isEmpty();
      assertThat(goal.prerequisites()).isEmpty();
      assertThat(goal.rotation()).isNull();
    }

    @Test
    @DisplayName("a null targetValue counts as zero and fails the positive rule")
    void nullTarget() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).getJsonObject("requirement").putNull("targetValue");
      assertRejected(catalog, GOAL + "target_value must be positive");
    }
  }

  @Nested
  @DisplayName("JSON types")
  class Types {

    @Test
    @DisplayName("a fractional targetValue is rejected")
    void fractionalTarget() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).getJsonObject("requirement").put("targetValue", 10.5);
      assertRejected(catalog, GOAL + "requirement.targetValue must be an integer, got 10.5");
    }

    @Test
    @DisplayName("a targetValue written as 10.0 is rejected, as by the reference")
    void floatWithoutFraction() {
      assertRejected(
          oneGoal().encode().replace("\"targetValue\":10", "\"targetValue\":10.0"),
          GOAL + "requirement.targetValue must be an integer, got 10.0");
    }

    @Test
    @DisplayName("a targetValue written as a string is rejected")
    void stringTarget() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).getJsonObject("requirement").put("targetValue", "10");
      assertRejected(catalog, GOAL + "requirement.targetValue must be an integer, got \"10\"");
    }

    @Test
    @DisplayName("an integer beyond the int range is rejected")
    void integerOutOfRange() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).getJsonObject("reward").put("quantity", 3_000_000_000L);
      assertRejected(
          catalog,
          GOAL
              + "reward.quantity must be an integer between -2147483648 and 2147483647,"
              + " got 3000000000");
    }

    @Test
    @DisplayName("a huge integer is rejected")
    void hugeInteger() {
      assertRejected(
          oneGoal().encode().replace("\"quantity\":1", "\"quantity\":123456789012345678901234"),
          GOAL
              + "reward.quantity must be an integer between -2147483648 and 2147483647,"
              + " got 123456789012345678901234");
    }

    @Test
    @DisplayName("a string where an object is expected is rejected")
    void stringForObject() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("requirement", "kills >= 10");
      assertRejected(catalog, GOAL + "requirement must be an object, got \"kills >= 10\"");
    }

    @Test
    @DisplayName("an object where a string is expected is rejected")
    void objectForString() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("name", new JsonObject().put("en", "Goal"));
      assertRejected(catalog, GOAL + "name must be a string, got an object");
    }

    @Test
    @DisplayName("a string where a boolean is expected is rejected")
    void stringForBoolean() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("defaultAssigned", "true");
      assertRejected(catalog, GOAL + "defaultAssigned must be a boolean, got \"true\"");
    }

    @Test
    @DisplayName("an object where the goals array is expected is rejected")
    void objectForArray() {
      JsonObject catalog = oneGoal();
      challengeAt(catalog, 0).put("goals", new JsonObject());
      assertRejected(catalog, "invalid challenge 'c1': goals must be an array, got an object");
    }

    @Test
    @DisplayName("a challenges value that is not an array is rejected")
    void challengesNotArray() {
      assertRejected(
          new JsonObject().put("challenges", "all"), "challenges must be an array, got \"all\"");
    }

    @Test
    @DisplayName("a challenge that is not an object is rejected")
    void challengeNotObject() {
      assertRejected(
          new JsonObject().put("challenges", new JsonArray().add(1)),
          "challenges[0] must be an object, got 1");
    }

    @Test
    @DisplayName("a goal that is not an object is rejected")
    void goalNotObject() {
      JsonObject catalog = oneGoal();
      challengeAt(catalog, 0).getJsonArray("goals").addNull();
      assertRejected(catalog, "invalid challenge 'c1': goals[1] must be an object, got null");
    }

    @Test
    @DisplayName("a prerequisite that is not a string is rejected")
    void prerequisiteNotString() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("prerequisites", new JsonArray().add(5));
      assertRejected(catalog, GOAL + "prerequisites[0] must be a string, got 5");
    }

    @Test
    @DisplayName("a goal id of the wrong type names the goal by its position")
    void goalIdWrongType() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("goalId", 5);
      assertRejected(
          catalog, "invalid goal at challenges[0].goals[0]: goalId must be a string, got 5");
    }

    @Test
    @DisplayName("a challenge id of the wrong type names the challenge by its position")
    void challengeIdWrongType() {
      JsonObject catalog = catalog(challenge("c0", TestCatalogs.goal("g0")), challenge("c1"));
      challengeAt(catalog, 1).put("challengeId", true);
      assertRejected(
          catalog, "invalid challenge at challenges[1]: challengeId must be a string, got true");
    }

    @Test
    @DisplayName("the fields of a disabled rotation are still type-checked")
    void disabledRotationTypeChecked() {
      JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
      firstGoal(catalog).getJsonObject("rotation").put("enabled", false);
      firstGoal(catalog).getJsonObject("rotation").getJsonObject("onExpiry").put("resetProgress", 1);
      assertRejected(
          catalog, GOAL + "rotation.onExpiry.resetProgress must be a boolean, got 1");
    }
  }

  @Nested
  @DisplayName("files")
  class Files_ {

    @Test
    @DisplayName("an empty file is rejected")
    void emptyFile() {
      assertRejected("", "failed to parse config JSON: the file is empty");
    }

    @Test
    @DisplayName("a file of blanks is rejected as empty")
    void blankFile() {
      assertRejected(" \n\t\n", "failed to parse config JSON: the file is empty");
    }

    @Test
    @DisplayName("a file that is not JSON is rejected with the line and column of the error")
    void notJson() {
      assertThatThrownBy(() -> load("{\n  \"challenges\": [\n    {\"challengeId\": }\n  ]\n}"))
          .isInstanceOf(CatalogException.class)
          .hasMessageStartingWith(
              file() + ": failed to parse config JSON: Unexpected character ('}' (code 125))")
          .hasMessageEndingWith(" (line 3, column 21)")
          .hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("trailing content after the JSON object is rejected")
    void trailingContent() {
      assertThatThrownBy(() -> load(oneGoal().encode() + " {}"))
          .isInstanceOf(CatalogException.class)
          .hasMessageStartingWith(file() + ": failed to parse config JSON: ");
    }

    @Test
    @DisplayName("a UTF-8 byte order mark at the start of the file is skipped")
    void byteOrderMark() {
      assertThat(load("\uFEFF" + oneGoal().encode()).goal("g1")).isNotNull();
    }

    @Test
    @DisplayName("a top-level array is rejected")
    void topLevelArray() {
      assertRejected(
          "[" + oneGoal().encode() + "]",
          "failed to parse config JSON: the top level must be an object, got an array");
    }

    @Test
    @DisplayName("a missing file is rejected")
    void missingFile() {
      assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("nope.json")))
          .isInstanceOf(CatalogException.class)
          .hasMessage(dir.resolve("nope.json") + ": failed to read config file: no such file");
    }

    @Test
    @DisplayName("a directory is rejected as unreadable")
    void directory() throws Exception {
      Files.createDirectory(dir.resolve("conf"));
      assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("conf")))
          .isInstanceOf(CatalogException.class)
          .hasMessageStartingWith(dir.resolve("conf") + ": failed to read config file: ");
    }

    @Test
    @DisplayName("every message is a single line, even for an id with a line break")
    void singleLine() {
      JsonObject catalog = oneGoal();
      firstGoal(catalog).put("goalId", "g\n1").put("name", "");
      assertRejected(catalog, "invalid goal 'g 1' in challenge 'c1': goal name cannot be empty");
    }
  }
}
