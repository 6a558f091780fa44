package dev.challengesuite.http.render;

import static dev.challengesuite.http.render.ByteWriter.MAX_INT_BYTES;
import static dev.challengesuite.http.render.ByteWriter.MAX_TIMESTAMP_BYTES;
import static dev.challengesuite.http.render.ByteWriter.write;
import static dev.challengesuite.http.render.ByteWriter.writeBoolean;
import static dev.challengesuite.http.render.ByteWriter.writeInt;
import static dev.challengesuite.http.render.ByteWriter.writeTimestamp;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/challenges/initialize} (reference §2.5): every catalog goal that is active
 * for the player, ordered by (challengeId, goalId), all keys always present. Static parts of each
 * item are rendered once, like {@link ChallengeListRenderer}.
 */
public final class InitializeRenderer {

  private static final byte[] START = JsonText.utf8("{\"assignedGoals\":[");
  private static final byte[] ASSIGNED_AT = JsonText.utf8(",\"assignedAt\":\"");
  private static final byte[] EXPIRES_AT = JsonText.utf8("\",\"expiresAt\":\"");
  private static final byte[] PROGRESS = JsonText.utf8("\",\"progress\":");
  private static final byte[] NEW_ASSIGNMENTS = JsonText.utf8("],\"newAssignments\":");
  private static final byte[] TOTAL_ACTIVE = JsonText.utf8(",\"totalActive\":");
  private static final Map<GoalStatus, byte[]> STATUS = new EnumMap<>(GoalStatus.class);
  /** Upper bound of an item's fragment from {@code isActive}'s value to {@code progress}'s. */
  private static final int MAX_ITEM_DYNAMIC_BYTES =
      "false".length()
          + ASSIGNED_AT.length + MAX_TIMESTAMP_BYTES
          + EXPIRES_AT.length + MAX_TIMESTAMP_BYTES
          + PROGRESS.length + MAX_INT_BYTES;

  static {
    for (GoalStatus status : GoalStatus.values()) {
      STATUS.put(status, JsonText.utf8(JsonText.quote(status.wire())));
    }
  }

  /** Catalog goals in response order, with their static fragments at the same index. */
  private final Goal[] goals;
  /** {@code {"challengeId":..,"goalId":..,"name":..,"description":..,"isActive":}. */
  private final byte[][] heads;
  /** {@code ,"target":<n>,"status":}. */
  private final byte[][] targets;
  /** {@code ,"requirement":{..},"reward":{..}}}. */
  private final byte[][] tails;

  public InitializeRenderer(List<Challenge> challenges) {
    List<Goal> ordered = new ArrayList<>();
    challenges.forEach(challenge -> ordered.addAll(challenge.goals()));
    ordered.sort(Comparator.comparing(Goal::challengeId).thenComparing(Goal::id));
    this.goals = ordered.toArray(Goal[]::new);
    this.heads = new byte[goals.length][];
    this.targets = new byte[goals.length][];
    this.tails = new byte[goals.length][];
    for (int i = 0; i < goals.length; i++) {
      Goal goal = goals[i];
      StringBuilder head = new StringBuilder("{\"challengeId\":");
      JsonText.appendQuoted(head, goal.challengeId());
      head.append(",\"goalId\":");
      JsonText.appendQuoted(head, goal.id());
      head.append(",\"name\":");
      JsonText.appendQuoted(head, goal.name());
      head.append(",\"description\":");
      JsonText.appendQuoted(head, goal.description());
      head.append(",\"isActive\":");
      heads[i] = JsonText.utf8(head.toString());
      targets[i] =
          JsonText.utf8(",\"target\":" + goal.requirement().targetValue() + ",\"status\":");
      StringBuilder tail = new StringBuilder(",\"requirement\":");
      CatalogJson.appendRequirement(tail, goal.requirement());
      tail.append(",\"reward\":");
      CatalogJson.appendReward(tail, goal.reward());
      tail.append('}');
      tails[i] = JsonText.utf8(tail.toString());
    }
  }

  /** The response for a player whose goals look like {@code views} after initialize. */
  public Buffer render(PlayerGoalViews views, int newAssignments) {
    Buffer out = Buffer.buffer(256 + goals.length * 64);
    out.appendBytes(START);
    byte[] scratch = new byte[MAX_ITEM_DYNAMIC_BYTES];
    int active = 0;
    for (int i = 0; i < goals.length; i++) {
      GoalView view = views.view(goals[i]);
      if (!view.active()) {
        continue;
      }
      if (active++ > 0) {
        out.appendByte((byte) ',');
      }
      out.appendBytes(heads[i]);
      int pos = writeBoolean(scratch, 0, view.active());
      pos = write(scratch, pos, ASSIGNED_AT);
      pos = writeTimestamp(scratch, pos, view.assignedAt());
      pos = write(scratch, pos, EXPIRES_AT);
      pos = writeTimestamp(scratch, pos, view.expiresAt());
      pos = write(scratch, pos, PROGRESS);
      pos = writeInt(scratch, pos, view.progress());
      out.appendBytes(scratch, 0, pos);
      out.appendBytes(targets[i]);
      out.appendBytes(STATUS.get(view.status()));
      out.appendBytes(tails[i]);
    }
    byte[] end = new byte[NEW_ASSIGNMENTS.length + TOTAL_ACTIVE.length + 2 * MAX_INT_BYTES + 1];
    int pos = write(end, 0, NEW_ASSIGNMENTS);
    pos = writeInt(end, pos, newAssignments);
    pos = write(end, pos, TOTAL_ACTIVE);
    pos = writeInt(end, pos, active);
    end[pos++] = '}';
    out.appendBytes(end, 0, pos);
    return out;
  }
}
