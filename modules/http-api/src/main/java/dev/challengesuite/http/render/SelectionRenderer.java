package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalView;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies of the goal (de)activation routes: {@code PUT .../goals/{goalId}/active} (reference §2.6)
 * and the batch and random selections (§2.8, shared {@code GoalSelectionResponse} shape). Each
 * goal's catalog part is rendered once at startup; the rest is small and written per request.
 *
 * <p>A selected goal shows the status and progress the player really has (rotation display rules
 * applied), where the reference always answers {@code not_started} and 0.
 */
public final class SelectionRenderer {

  /** {@code {"goalId":..,"name":..,"description":..,"requirement":{..},"reward":{..},"status":}. */
  private final Map<String, String> heads = new HashMap<>();

  public SelectionRenderer(List<Challenge> challenges) {
    for (Challenge challenge : challenges) {
      for (Goal goal : challenge.goals()) {
        StringBuilder head = new StringBuilder("{\"goalId\":");
        JsonText.appendQuoted(head, goal.id());
        head.append(",\"name\":");
        JsonText.appendQuoted(head, goal.name());
        head.append(",\"description\":");
        JsonText.appendQuoted(head, goal.description());
        head.append(",\"requirement\":");
        CatalogJson.appendRequirement(head, goal.requirement());
        head.append(",\"reward\":");
        CatalogJson.appendReward(head, goal.reward());
        head.append(",\"status\":");
        heads.put(goal.id(), head.toString());
      }
    }
  }

  /**
   * {@code {"challengeId","goalId","isActive","assignedAt","message"}}; {@code assignedAt} is the
   * time the change was applied, on deactivation too (as the reference).
   */
  public Buffer activation(String challengeId, String goalId, boolean active, Instant appliedAt) {
    StringBuilder out = new StringBuilder(160);
    out.append("{\"challengeId\":");
    JsonText.appendQuoted(out, challengeId);
    out.append(",\"goalId\":");
    JsonText.appendQuoted(out, goalId);
    out.append(",\"isActive\":").append(active);
    out.append(",\"assignedAt\":\"").append(ByteWriter.formatTimestamp(appliedAt));
    out.append("\",\"message\":\"")
        .append(active ? "Goal activated successfully" : "Goal deactivated successfully")
        .append("\"}");
    return Buffer.buffer(out.toString());
  }

  /**
   * {@code {"selectedGoals":[..],"challengeId":..,"totalActiveGoals":..,"replacedGoals":[..]}}.
   *
   * @param selected in the order to show, each with the player's view after the selection
   */
  public Buffer selection(
      String challengeId,
      List<Goal> selected,
      PlayerGoalViews views,
      List<String> replacedGoalIds,
      int totalActiveGoals) {
    StringBuilder out = new StringBuilder(128 + selected.size() * 384);
    out.append("{\"selectedGoals\":[");
    for (int i = 0; i < selected.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Goal goal = selected.get(i);
      GoalView view = views.view(goal);
      out.append(heads.get(goal.id()));
      JsonText.appendQuoted(out, view.status().wire());
      out.append(",\"progress\":").append(view.progress());
      out.append(",\"target\":").append(goal.requirement().targetValue());
      out.append(",\"isActive\":").append(view.active());
      out.append(",\"assignedAt\":\"").append(ByteWriter.formatTimestamp(view.assignedAt()));
      out.append("\",\"expiresAt\":\"").append(ByteWriter.formatTimestamp(view.expiresAt()));
      out.append("\"}");
    }
    out.append("],\"challengeId\":");
    JsonText.appendQuoted(out, challengeId);
    out.append(",\"totalActiveGoals\":").append(totalActiveGoals);
    out.append(",\"replacedGoals\":[");
    for (int i = 0; i < replacedGoalIds.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      JsonText.appendQuoted(out, replacedGoalIds.get(i));
    }
    out.append("]}");
    return Buffer.buffer(out.toString());
  }
}
