package dev.challengesuite.http.render;

import static dev.challengesuite.http.render.HandMadeViews.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.http.StrictJson;
import dev.challengesuite.http.TestCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChallengeListRendererTest {

  private static final Instant ASSIGNED = Instant.parse("2025-01-10T08:00:00Z");
  private static final Instant COMPLETED = Instant.parse("2025-01-12T09:15:30Z");
  private static final Instant CLAIMED = Instant.parse("2025-01-13T10:00:00.750Z");
  private static final Instant MIDNIGHT = Instant.parse("2025-01-16T00:00:00Z");

  private final ChallengeListRenderer renderer =
      new ChallengeListRenderer(TestCatalog.catalog().challenges());

  private String render(PlayerGoalViews views, boolean activeOnly) {
    return renderer.render(views, activeOnly).toString();
  }

  private static JsonObject goal(JsonObject list, int challenge, int goal) {
    return list.getJsonArray("challenges").getJsonObject(challenge).getJsonArray("goals")
        .getJsonObject(goal);
  }

  @Test
  @DisplayName("all challenges and goals are listed in catalog order")
  void catalogOrder() {
    JsonObject list = StrictJson.parse(render(new HandMadeViews(), false));

    JsonArray challenges = list.getJsonArray("challenges");
    assertThat(challenges.stream().map(c -> ((JsonObject) c).getString("challengeId")))
        .containsExactly("winter", "daily");
    assertThat(challenges.getJsonObject(0).getJsonArray("goals").stream()
        .map(g -> ((JsonObject) g).getString("goalId"))).containsExactly("kill-snowmen", "tricky");
    assertThat(challenges.getJsonObject(1).getJsonArray("goals").stream()
        .map(g -> ((JsonObject) g).getString("goalId"))).containsExactly("daily-login", "a-goal");
  }

  @Test
  @DisplayName("every goal has exactly the documented keys, each once")
  void goalKeys() {
    String text = render(new HandMadeViews(), false);
    JsonObject list = StrictJson.parse(text);

    assertThat(goal(list, 0, 0).fieldNames()).containsExactlyInAnyOrder("goalId", "name",
        "description", "requirement", "reward", "locked", "progress", "status", "completedAt",
        "claimedAt", "isActive", "expiresAt", "expiresInSeconds");
    assertThat(goal(list, 0, 1).fieldNames()).contains("prerequisites").doesNotContain("description");
    assertThat(list.getJsonArray("challenges").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("challengeId", "name", "description", "goals");
  }

  @Test
  @DisplayName("an empty description is omitted for challenges and goals")
  void emptyDescriptionOmitted() {
    JsonObject list = StrictJson.parse(render(new HandMadeViews(), false));

    assertThat(list.getJsonArray("challenges").getJsonObject(1).containsKey("description")).isFalse();
    assertThat(goal(list, 0, 1).containsKey("description")).isFalse();
    assertThat(goal(list, 0, 0).getString("description")).isEqualTo("Defeat 10 snowmen");
  }

  @Test
  @DisplayName("prerequisites are listed when the goal has some and omitted otherwise")
  void prerequisites() {
    JsonObject list = StrictJson.parse(render(new HandMadeViews(), false));

    assertThat(goal(list, 0, 1).getJsonArray("prerequisites").getList()).containsExactly("kill-snowmen");
    assertThat(goal(list, 0, 0).containsKey("prerequisites")).isFalse();
  }

  @Test
  @DisplayName("requirement and reward show the catalog values without progressMode")
  void requirementAndReward() {
    JsonObject goal = goal(StrictJson.parse(render(new HandMadeViews(), false)), 0, 1);

    assertThat(goal.getJsonObject("requirement"))
        .isEqualTo(new JsonObject().put("statCode", "tricks").put("operator", ">=").put("targetValue", 3));
    assertThat(goal.getJsonObject("reward"))
        .isEqualTo(new JsonObject().put("type", "WALLET").put("rewardId", "GOLD").put("quantity", 50));
  }

  @Test
  @DisplayName("locked is a boolean on every goal and follows the view")
  void lockedAlwaysPresent() {
    HandMadeViews views = new HandMadeViews()
        .with("tricky", view(GoalStatus.NOT_STARTED, 0, false, null, null, null, null, 0, true));
    JsonObject list = StrictJson.parse(render(views, false));

    assertThat(goal(list, 0, 1).getValue("locked")).isEqualTo(true);
    assertThat(goal(list, 0, 0).getValue("locked")).isEqualTo(false);
    assertThat(goal(list, 1, 0).getValue("locked")).isEqualTo(false);
  }

  @Test
  @DisplayName("the player's fields come from the view, timestamps as UTC seconds")
  void dynamicFields() {
    HandMadeViews views = new HandMadeViews().with("daily-login",
        view(GoalStatus.CLAIMED, 1, true, ASSIGNED, COMPLETED, CLAIMED, MIDNIGHT, 48_600, false));
    JsonObject goal = goal(StrictJson.parse(render(views, false)), 1, 0);

    assertThat(goal.getInteger("progress")).isEqualTo(1);
    assertThat(goal.getString("status")).isEqualTo("claimed");
    assertThat(goal.getString("completedAt")).isEqualTo("2025-01-12T09:15:30Z");
    assertThat(goal.getString("claimedAt")).isEqualTo("2025-01-13T10:00:00Z");
    assertThat(goal.getValue("isActive")).isEqualTo(true);
    assertThat(goal.getString("expiresAt")).isEqualTo("2025-01-16T00:00:00Z");
    assertThat(goal.getValue("expiresInSeconds")).isEqualTo(48_600);
  }

  @Test
  @DisplayName("a goal the player never had shows zero progress, not_started and empty timestamps")
  void neverAssignedDefaults() {
    JsonObject goal = goal(StrictJson.parse(render(new HandMadeViews(), false)), 0, 0);

    assertThat(goal.getValue("progress")).isEqualTo(0);
    assertThat(goal.getString("status")).isEqualTo("not_started");
    assertThat(goal.getString("completedAt")).isEmpty();
    assertThat(goal.getString("claimedAt")).isEmpty();
    assertThat(goal.getValue("isActive")).isEqualTo(false);
    assertThat(goal.getString("expiresAt")).isEmpty();
    assertThat(goal.getValue("expiresInSeconds")).isEqualTo(0);
  }

  @Test
  @DisplayName("active-only shows an inactive goal as never assigned but keeps its locked flag")
  void activeOnlyHidesInactiveProgress() {
    HandMadeViews views = new HandMadeViews()
        .with("tricky", view(GoalStatus.COMPLETED, 3, false, ASSIGNED, COMPLETED, null, null, 0, true));
    JsonObject goal = goal(StrictJson.parse(render(views, true)), 0, 1);

    assertThat(goal.getValue("progress")).isEqualTo(0);
    assertThat(goal.getString("status")).isEqualTo("not_started");
    assertThat(goal.getString("completedAt")).isEmpty();
    assertThat(goal.getValue("isActive")).isEqualTo(false);
    assertThat(goal.getValue("locked")).isEqualTo(true);
  }

  @Test
  @DisplayName("active-only takes an inactive goal's expiry from the never-assigned view")
  void activeOnlyExpiryFromUnassignedView() {
    Instant otherBoundary = Instant.parse("2025-01-20T00:00:00Z");
    HandMadeViews views = new HandMadeViews()
        .with("daily-login", view(GoalStatus.IN_PROGRESS, 1, false, ASSIGNED, null, null, MIDNIGHT, 48_600, false))
        .unassigned("daily-login", view(GoalStatus.NOT_STARTED, 0, false, null, null, null, otherBoundary, 7, true));
    JsonObject goal = goal(StrictJson.parse(render(views, true)), 1, 0);

    assertThat(goal.getString("expiresAt")).isEqualTo("2025-01-20T00:00:00Z");
    assertThat(goal.getValue("expiresInSeconds")).isEqualTo(7);
    assertThat(goal.getValue("locked")).isEqualTo(false);
  }

  @Test
  @DisplayName("active-only shows active goals with their progress")
  void activeOnlyKeepsActiveGoals() {
    HandMadeViews views = new HandMadeViews()
        .with("kill-snowmen", view(GoalStatus.IN_PROGRESS, 4, true, ASSIGNED, null, null, null, 0, false));
    JsonObject goal = goal(StrictJson.parse(render(views, true)), 0, 0);

    assertThat(goal.getValue("progress")).isEqualTo(4);
    assertThat(goal.getString("status")).isEqualTo("in_progress");
    assertThat(goal.getValue("isActive")).isEqualTo(true);
  }

  @Test
  @DisplayName("names with quotes, backslashes, control characters and emoji read back unchanged")
  void escapedStaticText() {
    JsonObject goal = goal(StrictJson.parse(render(new HandMadeViews(), false)), 0, 1);

    assertThat(goal.getString("name")).isEqualTo(TestCatalog.TRICKY_NAME);
  }

  @Test
  @DisplayName("the largest possible dynamic values fit the declared bound")
  void extremeValuesFit() {
    HandMadeViews views = new HandMadeViews().with("kill-snowmen", view(GoalStatus.IN_PROGRESS,
        Integer.MIN_VALUE, false, Instant.MAX, Instant.MIN, Instant.MAX, Instant.MAX,
        Integer.MIN_VALUE, false));

    assertThatCode(() -> StrictJson.parse(render(views, false))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("an empty catalog renders an empty list and a goal-less challenge an empty goals array")
  void emptyShapes() {
    assertThat(new ChallengeListRenderer(List.of()).render(new HandMadeViews(), false).toString())
        .isEqualTo("{\"challenges\":[]}");
    ChallengeListRenderer goalless =
        new ChallengeListRenderer(List.of(new Challenge("c", "C", "", List.of())));
    assertThat(goalless.render(new HandMadeViews(), false).toString())
        .isEqualTo("{\"challenges\":[{\"challengeId\":\"c\",\"name\":\"C\",\"goals\":[]}]}");
  }

  @Test
  @DisplayName("a 500-goal catalog renders in one piece that parses strictly")
  void largeCatalog() {
    Challenge big = TestCatalog.catalog().challenges().get(0);
    List<Challenge> many = IntStream.range(0, 250)
        .mapToObj(i -> new Challenge("c" + i, "C" + i, "", big.goals())).toList();
    JsonObject list = StrictJson.parse(
        new ChallengeListRenderer(many).render(new HandMadeViews(), false).toString());

    assertThat(list.getJsonArray("challenges")).hasSize(250);
  }
}
