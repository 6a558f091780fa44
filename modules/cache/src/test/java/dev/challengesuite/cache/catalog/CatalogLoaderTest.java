package dev.challengesuite.cache.catalog;

import static dev.challengesuite.cache.catalog.TestCatalogs.catalog;
import static dev.challengesuite.cache.catalog.TestCatalogs.challenge;
import static dev.challengesuite.cache.catalog.TestCatalogs.firstGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.goal;
import static dev.challengesuite.cache.catalog.TestCatalogs.oneGoal;
import static dev.challengesuite.cache.catalog.TestCatalogs.rotatingGoal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.time.Schedule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest extends CatalogFileTest {

  @Test
  @DisplayName("a goal is mapped field by field onto the catalog model")
  void mapsGoal() {
    JsonObject json = rotatingGoal("g1", "weekly").put("defaultAssigned", true);
    json.put("eventSource", "login").put("prerequisites", new JsonArray().add("g0"));
    json.getJsonObject("reward").put("type", "WALLET").put("rewardId", "GEMS").put("quantity", 7);
    json.getJsonObject("rotation").getJsonObject("onExpiry").put("resetProgress", false);

    Goal goal = load(catalog(challenge("c1", goal("g0"), json))).goal("g1");

    assertThat(goal)
        .isEqualTo(
            new Goal(
                "g1",
                "Goal g1",
                "Defeat 10 enemies",
                "c1",
                EventSource.LOGIN,
                true,
                new Requirement("enemy_kills", ">=", 10, ProgressMode.RELATIVE),
                new Reward(RewardType.WALLET, "GEMS", 7),
                List.of("g0"),
                new Rotation(Schedule.WEEKLY, false, true)));
  }

  @Test
  @DisplayName("a challenge keeps its name and description")
  void mapsChallenge() {
    Challenge challenge = load(oneGoal()).challenge("c1");
    assertThat(challenge.name()).isEqualTo("Challenge c1");
    assertThat(challenge.description()).isEqualTo("About c1");
  }

  @Test
  @DisplayName("a missing progressMode defaults to absolute")
  void progressModeDefault() {
    JsonObject catalog = oneGoal();
    firstGoal(catalog).getJsonObject("requirement").remove("progressMode");
    assertThat(load(catalog).goal("g1").requirement().progressMode())
        .isEqualTo(ProgressMode.ABSOLUTE);
  }

  @Test
  @DisplayName("an empty progressMode defaults to absolute")
  void emptyProgressModeDefault() {
    JsonObject catalog = oneGoal();
    firstGoal(catalog).getJsonObject("requirement").put("progressMode", "");
    assertThat(load(catalog).goal("g1").requirement().progressMode())
        .isEqualTo(ProgressMode.ABSOLUTE);
  }

  @Test
  @DisplayName("missing descriptions become empty strings")
  void descriptionDefault() {
    JsonObject catalog = oneGoal();
    TestCatalogs.challengeAt(catalog, 0).remove("description");
    firstGoal(catalog).remove("description");
    CatalogIndex index = load(catalog);
    assertThat(index.challenge("c1").description()).isEmpty();
    assertThat(index.goal("g1").description()).isEmpty();
  }

  @Test
  @DisplayName("missing prerequisites become an empty list")
  void prerequisitesDefault() {
    JsonObject catalog = oneGoal();
    firstGoal(catalog).remove("prerequisites");
    assertThat(load(catalog).goal("g1").prerequisites()).isEmpty();
  }

  @Test
  @DisplayName("a missing defaultAssigned means not assigned by default")
  void defaultAssignedDefault() {
    JsonObject catalog = oneGoal();
    firstGoal(catalog).remove("defaultAssigned");
    assertThat(load(catalog).goal("g1").defaultAssigned()).isFalse();
  }

  @Test
  @DisplayName("a rotation with enabled=false is dropped")
  void disabledRotationDropped() {
    JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
    firstGoal(catalog).getJsonObject("rotation").put("enabled", false);
    assertThat(load(catalog).goal("g1").rotation()).isNull();
  }

  @Test
  @DisplayName("a rotation without enabled is dropped")
  void rotationWithoutEnabledDropped() {
    JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "daily")));
    firstGoal(catalog).getJsonObject("rotation").remove("enabled");
    assertThat(load(catalog).goal("g1").rotation()).isNull();
  }

  @Test
  @DisplayName("a rotation without onExpiry neither resets progress nor allows reselection")
  void onExpiryDefault() {
    JsonObject catalog = catalog(challenge("c1", rotatingGoal("g1", "monthly")));
    firstGoal(catalog).getJsonObject("rotation").remove("onExpiry");
    assertThat(load(catalog).goal("g1").rotation())
        .isEqualTo(new Rotation(Schedule.MONTHLY, false, false));
  }

  @Test
  @DisplayName("challenges and goals keep the order of the file")
  void fileOrder() {
    CatalogIndex index =
        load(
            catalog(
                challenge("zeta", goal("z2"), goal("a1"), goal("m3")),
                challenge("alpha", goal("b9"), goal("b1"))));
    assertThat(index.challenges()).extracting(Challenge::id).containsExactly("zeta", "alpha");
    assertThat(index.challenge("zeta").goals()).extracting(Goal::id)
        .containsExactly("z2", "a1", "m3");
    assertThat(index.statisticGoals("enemy_kills")).extracting(Goal::id)
        .containsExactly("z2", "a1", "m3", "b9", "b1");
  }

  @Test
  @DisplayName("the hash is the SHA-256 of the file's bytes")
  void hashOfBytes() throws Exception {
    CatalogIndex index = load(oneGoal());
    byte[] bytes = Files.readAllBytes(file());
    assertThat(index.hash())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  @Test
  @DisplayName("the hash changes when the file changes, even by whitespace only")
  void hashChangesWithFile() {
    String first = load(oneGoal().encode()).hash();
    String again = load(oneGoal().encode()).hash();
    String spaced = load(oneGoal().encode() + "\n").hash();
    assertThat(again).isEqualTo(first);
    assertThat(spaced).isNotEqualTo(first);
  }
}
