package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The list body written the obvious way, one field after the other into a StringBuilder, with
 * java.time formatting the timestamps: what {@link ChallengeListRenderer} must produce byte for
 * byte.
 */
final class StraightforwardList {

  private StraightforwardList() {}

  static String render(List<Challenge> challenges, PlayerGoalViews views, boolean activeOnly) {
    StringBuilder out = new StringBuilder("{\"challenges\":[");
    for (int c = 0; c < challenges.size(); c++) {
      Challenge challenge = challenges.get(c);
      out.append(c > 0 ? "," : "").append("{\"challengeId\":");
      JsonText.appendQuoted(out, challenge.id());
      out.append(",\"name\":");
      JsonText.appendQuoted(out, challenge.name());
      if (!challenge.description().isEmpty()) {
        out.append(",\"description\":");
        JsonText.appendQuoted(out, challenge.description());
      }
      out.append(",\"goals\":[");
      for (int g = 0; g < challenge.goals().size(); g++) {
        out.append(g > 0 ? "," : "");
        goal(out, challenge.goals().get(g), views, activeOnly);
      }
      out.append("]}");
    }
    return out.append("]}").toString();
  }

  private static void goal(StringBuilder out, Goal goal, PlayerGoalViews views, boolean activeOnly) {
    GoalView view = views.view(goal);
    if (activeOnly && !view.active()) {
      GoalView unassigned = views.unassigned(goal);
      view = new GoalView(GoalStatus.NOT_STARTED, 0, false, null, null, null,
          unassigned.expiresAt(), unassigned.expiresInSeconds(), view.locked());
    }
    out.append("{\"goalId\":");
    JsonText.appendQuoted(out, goal.id());
    out.append(",\"name\":");
    JsonText.appendQuoted(out, goal.name());
    if (!goal.description().isEmpty()) {
      out.append(",\"description\":");
      JsonText.appendQuoted(out, goal.description());
    }
    out.append(",\"requirement\":{\"statCode\":");
    JsonText.appendQuoted(out, goal.requirement().statCode());
    out.append(",\"operator\":");
    JsonText.appendQuoted(out, goal.requirement().operator());
    out.append(",\"targetValue\":").append(goal.requirement().targetValue());
    out.append("},\"reward\":{\"type\":");
    JsonText.appendQuoted(out, goal.reward().type() == null ? "" : goal.reward().type().name());
    out.append(",\"rewardId\":");
    JsonText.appendQuoted(out, goal.reward().rewardId());
    out.append(",\"quantity\":").append(goal.reward().quantity()).append('}');
    if (!goal.prerequisites().isEmpty()) {
      out.append(",\"prerequisites\":[");
      for (int i = 0; i < goal.prerequisites().size(); i++) {
        out.append(i > 0 ? "," : "");
        JsonText.appendQuoted(out, goal.prerequisites().get(i));
      }
      out.append(']');
    }
    out.append(",\"locked\":").append(view.locked())
        .append(",\"progress\":").append(view.progress())
        .append(",\"status\":\"").append(view.status().wire())
        .append("\",\"completedAt\":\"").append(timestamp(view.completedAt()))
        .append("\",\"claimedAt\":\"").append(timestamp(view.claimedAt()))
        .append("\",\"isActive\":").append(view.active())
        .append(",\"expiresAt\":\"").append(timestamp(view.expiresAt()))
        .append("\",\"expiresInSeconds\":").append(view.expiresInSeconds())
        .append('}');
  }

  private static String timestamp(Instant at) {
    return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
