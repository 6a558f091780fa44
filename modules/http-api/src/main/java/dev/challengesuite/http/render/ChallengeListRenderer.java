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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /v1/challenges}: every challenge and goal of the catalog in catalog order, one
 * clean object per goal (reference §2.4 effective values, no duplicate keys).
 *
 * <p>The response is the catalog's JSON with holes for the per-player fields. At construction the
 * text between two holes is rendered once to bytes; a request only appends those byte arrays and
 * writes each goal's dynamic fields ({@code locked} to {@code expiresInSeconds}) into a scratch
 * array, so a 500-goal response costs two array copies per goal and no intermediate objects.
 */
public final class ChallengeListRenderer {

  /** Upper bound of one goal's dynamic fragment (see {@link #writeDynamic}). */
  static final int MAX_DYNAMIC_BYTES;

  private static final byte[] PROGRESS = JsonText.utf8(",\"progress\":");
  private static final byte[] COMPLETED_AT = JsonText.utf8(",\"completedAt\":\"");
  private static final byte[] CLAIMED_AT = JsonText.utf8("\",\"claimedAt\":\"");
  private static final byte[] IS_ACTIVE = JsonText.utf8("\",\"isActive\":");
  private static final byte[] EXPIRES_AT = JsonText.utf8(",\"expiresAt\":\"");
  private static final byte[] EXPIRES_IN = JsonText.utf8("\",\"expiresInSeconds\":");
  private static final Map<GoalStatus, byte[]> STATUS = new EnumMap<>(GoalStatus.class);

  static {
    int longestStatus = 0;
    for (GoalStatus status : GoalStatus.values()) {
      byte[] bytes = JsonText.utf8(",\"status\":" + JsonText.quote(status.wire()));
      STATUS.put(status, bytes);
      longestStatus = Math.max(longestStatus, bytes.length);
    }
    MAX_DYNAMIC_BYTES =
        "false".length()
            + PROGRESS.length + MAX_INT_BYTES
            + longestStatus
            + COMPLETED_AT.length + MAX_TIMESTAMP_BYTES
            + CLAIMED_AT.length + MAX_TIMESTAMP_BYTES
            + IS_ACTIVE.length + "false".length()
            + EXPIRES_AT.length + MAX_TIMESTAMP_BYTES
            + EXPIRES_IN.length + MAX_INT_BYTES
            + 1;
  }

  private final Goal[] goals;
  /** {@code before[i]}: everything between the previous goal's dynamic fragment and goal i's. */
  private final byte[][] before;
  private final byte[] tail;
  private final int capacity;

  public ChallengeListRenderer(List<Challenge> challenges) {
    List<Goal> goalList = new ArrayList<>();
    List<byte[]> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder("{\"challenges\":[");
    for (int c = 0; c < challenges.size(); c++) {
      Challenge challenge = challenges.get(c);
      if (c > 0) {
        text.append(',');
      }
      appendChallengeHead(text, challenge);
      for (int g = 0; g < challenge.goals().size(); g++) {
        Goal goal = challenge.goals().get(g);
        if (g > 0) {
          text.append(',');
        }
        appendGoalHead(text, goal);
        segments.add(JsonText.utf8(text.toString()));
        goalList.add(goal);
        text.setLength(0);
      }
      text.append("]}");
    }
    text.append("]}");
    this.goals = goalList.toArray(Goal[]::new);
    this.before = segments.toArray(byte[][]::new);
    this.tail = JsonText.utf8(text.toString());
    int staticBytes = tail.length;
    for (byte[] segment : before) {
      staticBytes += segment.length;
    }
    this.capacity = staticBytes + goals.length * MAX_DYNAMIC_BYTES;
  }

  /**
   * The list for one player. With {@code activeOnly}, goals that are not active for the player show
   * the fields of a goal the player never had ({@code locked} stays the player's).
   */
  public Buffer render(PlayerGoalViews views, boolean activeOnly) {
    Buffer out = Buffer.buffer(capacity);
    byte[] scratch = new byte[MAX_DYNAMIC_BYTES];
    for (int i = 0; i < goals.length; i++) {
      out.appendBytes(before[i]);
      GoalView view = views.view(goals[i]);
      int length;
      if (activeOnly && !view.active()) {
        GoalView unassigned = views.unassigned(goals[i]);
        length = writeDynamic(scratch, view.locked(), 0, GoalStatus.NOT_STARTED, null, null, false,
            unassigned.expiresAt(), unassigned.expiresInSeconds());
      } else {
        length = writeDynamic(scratch, view.locked(), view.progress(), view.status(),
            view.completedAt(), view.claimedAt(), view.active(), view.expiresAt(),
            view.expiresInSeconds());
      }
      out.appendBytes(scratch, 0, length);
    }
    out.appendBytes(tail);
    return out;
  }

  /** The value of {@code "locked":} up to the goal's closing brace. */
  static int writeDynamic(
      byte[] dst,
      boolean locked,
      int progress,
      GoalStatus status,
      Instant completedAt,
      Instant claimedAt,
      boolean active,
      Instant expiresAt,
      int expiresInSeconds) {
    int pos = writeBoolean(dst, 0, locked);
    pos = write(dst, pos, PROGRESS);
    pos = writeInt(dst, pos, progress);
    pos = write(dst, pos, STATUS.get(status));
    pos = write(dst, pos, COMPLETED_AT);
    pos = writeTimestamp(dst, pos, completedAt);
    pos = write(dst, pos, CLAIMED_AT);
    pos = writeTimestamp(dst, pos, claimedAt);
    pos = write(dst, pos, IS_ACTIVE);
    pos = writeBoolean(dst, pos, active);
    pos = write(dst, pos, EXPIRES_AT);
    pos = writeTimestamp(dst, pos, expiresAt);
    pos = write(dst, pos, EXPIRES_IN);
    pos = writeInt(dst, pos, expiresInSeconds);
    dst[pos++] = '}';
    return pos;
  }

  private static void appendChallengeHead(StringBuilder out, Challenge challenge) {
    out.append("{\"challengeId\":");
    JsonText.appendQuoted(out, challenge.id());
    out.append(",\"name\":");
    JsonText.appendQuoted(out, challenge.name());
    if (!CatalogJson.isEmpty(challenge.description())) {
      out.append(",\"description\":");
      JsonText.appendQuoted(out, challenge.description());
    }
    out.append(",\"goals\":[");
  }

  /** The goal's static keys up to and including {@code "locked":}. */
  private static void appendGoalHead(StringBuilder out, Goal goal) {
    out.append("{\"goalId\":");
    JsonText.appendQuoted(out, goal.id());
    out.append(",\"name\":");
    JsonText.appendQuoted(out, goal.name());
    if (!CatalogJson.isEmpty(goal.description())) {
      out.append(",\"description\":");
      JsonText.appendQuoted(out, goal.description());
    }
    out.append(",\"requirement\":");
    CatalogJson.appendRequirement(out, goal.requirement());
    out.append(",\"reward\":");
    CatalogJson.appendReward(out, goal.reward());
    if (goal.hasPrerequisites()) {
      out.append(",\"prerequisites\":[");
      for (int i = 0; i < goal.prerequisites().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        JsonText.appendQuoted(out, goal.prerequisites().get(i));
      }
      out.append(']');
    }
    out.append(",\"locked\":");
  }
}
