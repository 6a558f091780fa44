package dev.challengesuite.http;

import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.player.PlayerClient;
import dev.challengesuite.common.player.SelectionOutcome;
import dev.challengesuite.common.progress.SelectionRules;
import dev.challengesuite.common.time.ServiceClock;
import dev.challengesuite.http.render.GoalViewer;
import dev.challengesuite.http.render.PlayerGoalViews;
import dev.challengesuite.http.render.SelectionRenderer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes that change which goals are active: set-active, batch select and random select
 * (reference §2.6, §2.8, §2.9). Requests are checked against the catalog here, so a bad one is
 * answered without loading the player; the partition applies {@link SelectionRules} and replies
 * once the change is durable.
 */
final class SelectionRoutes {

  private final CatalogIndex catalog;
  private final PlayerClient players;
  private final GoalViewer viewer;
  private final ServiceClock clock;
  private final SelectionRenderer renderer;

  SelectionRoutes(CatalogIndex catalog, PlayerClient players, GoalViewer viewer, ServiceClock clock) {
    this.catalog = catalog;
    this.players = players;
    this.viewer = viewer;
    this.clock = clock;
    this.renderer = new SelectionRenderer(catalog.challenges());
  }

  /** {@code PUT .../goals/{goalId}/active} with {@code {"isActive": bool}} (missing: false). */
  Future<Buffer> setActive(RoutingContext ctx, String userId) {
    String challengeId = PathIds.challengeId(ctx);
    String goalId = PathIds.goalId(ctx);
    boolean active = JsonBody.of(ctx).bool("isActive", "is_active");
    SelectionRules.goalToActivate(catalog, challengeId, goalId);
    return players
        .setActive(userId, challengeId, goalId, active)
        .map(outcome -> renderer.activation(
            challengeId, goalId, outcome.goal().active(), outcome.appliedAt()));
  }

  /** {@code POST .../goals/batch-select} with {@code {"goalIds": [..], "replaceExisting": bool}}. */
  Future<Buffer> batchSelect(RoutingContext ctx, String userId) {
    String challengeId = PathIds.challengeId(ctx);
    JsonBody body = JsonBody.of(ctx);
    List<String> goalIds = body.strings("goalIds", "goal_ids");
    boolean replaceExisting = body.bool("replaceExisting", "replace_existing");
    SelectionRules.goalsToSelect(catalog, challengeId, goalIds);
    return players
        .batchSelect(userId, challengeId, goalIds, replaceExisting)
        .map(this::render);
  }

  /**
   * {@code POST .../goals/random-select} with {@code {"count": n, "replaceExisting": bool,
   * "excludeActive": bool}}.
   */
  Future<Buffer> randomSelect(RoutingContext ctx, String userId) {
    String challengeId = PathIds.challengeId(ctx);
    JsonBody body = JsonBody.of(ctx);
    int count = body.int32("count", "count");
    boolean replaceExisting = body.bool("replaceExisting", "replace_existing");
    boolean excludeActive = body.bool("excludeActive", "exclude_active");
    SelectionRules.challengeToDrawFrom(catalog, challengeId, count);
    return players
        .randomSelect(userId, challengeId, count, replaceExisting, excludeActive)
        .map(this::render);
  }

  private Buffer render(SelectionOutcome outcome) {
    List<Goal> selected = new ArrayList<>(outcome.selectedGoalIds().size());
    outcome.selectedGoalIds().forEach(id -> selected.add(catalog.goal(id)));
    return renderer.selection(
        outcome.challengeId(),
        selected,
        PlayerGoalViews.of(viewer, outcome.progress(), clock.now()),
        outcome.replacedGoalIds(),
        outcome.totalActiveGoals());
  }
}
