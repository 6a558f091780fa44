package dev.challengesuite.http.render;

import static dev.challengesuite.http.render.ByteWriter.MAX_INT_BYTES;
import static dev.challengesuite.http.render.ByteWriter.MAX_TIMESTAMP_BYTES;
import static dev.challengesuite.http.render.ByteWriter.write;
import static dev.challengesuite.http.render.ByteWriter.writeInt;
import static dev.challengesuite.http.render.ByteWriter.writeTimestamp;

import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code GET /v1/challenges}: every challenge and goal of the catalog in catalog order, one
 * clean object per goal (reference §2.4 effective values, no duplicate keys).
 *
 * <p>The response is the catalog's JSON with holes for the per-player fields. At construction the
 * text between two holes is rendered once to bytes. A request first writes each goal's dynamic
 * fields ({@code locked} to {@code expiresInSeconds}), each distinct fragment once ({@link
 * GoalFragments}), then copies the static text and the fragments in turn into one buffer of the
 * exact size: pooled direct memory for the route, which the socket takes as it is (a heap body
 * would be copied to direct memory once more). Constant runs of a fragment, such as {@code
 * ,"status":"completed","completedAt":"} or an empty expiry, are pre-rendered whole.
 */
public final class ChallengeListRenderer {

  /** Upper bound of one goal's dynamic fragment (see {@link #writeDynamic}). */
  static final int MAX_DYNAMIC_BYTES;

  /** {@code "locked":} value and the key after it, by locked. */
  private static final byte[] LOCKED_TRUE = JsonText.utf8("true,\"progress\":");
  private static final byte[] LOCKED_FALSE = JsonText.utf8("false,\"progress\":");
  /** From the status key to the opening quote of {@code completedAt}, by status. */
  private static final byte[][] STATUS_TO_COMPLETED_AT = new byte[GoalStatus.values().length][];
  private static final byte[] CLAIMED_AT = JsonText.utf8("\",\"claimedAt\":\"");
  private static final byte[] IS_ACTIVE_TRUE = JsonText.utf8("\",\"isActive\":true");
  private static final byte[] IS_ACTIVE_FALSE = JsonText.utf8("\",\"isActive\":false");
  private static final byte[] NOT_CLAIMED_ACTIVE =
      JsonText.utf8("\",\"claimedAt\":\"\",\"isActive\":true");
  private static final byte[] NOT_CLAIMED_INACTIVE =
      JsonText.utf8("\",\"claimedAt\":\"\",\"isActive\":false");
  private static final byte[] EXPIRES_AT = JsonText.utf8(",\"expiresAt\":\"");
  private static final byte[] EXPIRES_IN = JsonText.utf8("\",\"expiresInSeconds\":");
  /** The end of a goal that does not expire. */
  private static final byte[] NO_EXPIRY =
      JsonText.utf8(",\"expiresAt\":\"\",\"expiresInSeconds\":0}");
  /** Reused by every renderer on the thread: the event loop renders one response at a time. */
  private static final ThreadLocal<GoalFragments> FRAGMENTS =
      ThreadLocal.withInitial(GoalFragments::new);

  static {
    int longestStatus = 0;
    for (GoalStatus status : GoalStatus.values()) {
      byte[] bytes = JsonText.utf8(
          ",\"status\":" + JsonText.quote(status.wire()) + ",\"completedAt\":\"");
      STATUS_TO_COMPLETED_AT[status.ordinal()] = bytes;
      longestStatus = Math.max(longestStatus, bytes.length);
    }
    MAX_DYNAMIC_BYTES =
        LOCKED_FALSE.length + MAX_INT_BYTES
            + longestStatus + MAX_TIMESTAMP_BYTES
            + CLAIMED_AT.length + MAX_TIMESTAMP_BYTES
            + IS_ACTIVE_FALSE.length
            + EXPIRES_AT.length + MAX_TIMESTAMP_BYTES
            + EXPIRES_IN.length + MAX_INT_BYTES
            + 1;
  }

  private final Goal[] goals;
  /** {@code before[i]}: everything between the previous goal's dynamic fragment and goal i's. */
  private final byte[][] before;
  private final byte[] tail;
  /** Bytes of a response that do not depend on the player. */
  private final int staticBytes;

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
    int length = tail.length;
    for (byte[] segment : before) {
      length += segment.length;
    }
    this.staticBytes = length;
  }

  /**
   * The list for one player, in a buffer from {@code allocator} that the caller owns (and
   * releases). With {@code activeOnly}, goals that are not active for the player show the fields
   * of a goal the player never had ({@code locked} stays the player's).
   */
  public ByteBuf render(PlayerGoalViews views, boolean activeOnly, ByteBufAllocator allocator) {
    GoalFragments fragments = fragments(views, activeOnly);
    int length = staticBytes + fragments.totalLength();
    return assemble(fragments, allocator.directBuffer(length, length));
  }

  /** {@link #render(PlayerGoalViews, boolean, ByteBufAllocator)} on the heap. */
  public Buffer render(PlayerGoalViews views, boolean activeOnly) {
    GoalFragments fragments = fragments(views, activeOnly);
    int length = staticBytes + fragments.totalLength();
    return BufferInternal.buffer(assemble(fragments, Unpooled.buffer(length, length)));
  }

  /** First pass: every goal's view, each distinct fragment written once. */
  private GoalFragments fragments(PlayerGoalViews views, boolean activeOnly) {
    GoalFragments fragments = FRAGMENTS.get();
    fragments.start(goals.length);
    for (Goal goal : goals) {
      GoalView view = views.view(goal);
      if (activeOnly && !view.active()) {
        GoalView unassigned = views.unassigned(goal);
        fragments.add(view.locked(), 0, GoalStatus.NOT_STARTED, null, null, false,
            unassigned.expiresAt(), unassigned.expiresInSeconds());
      } else {
        fragments.add(view);
      }
    }
    return fragments;
  }

  /** Second pass: the static text and the fragments in turn, into a buffer of the exact size. */
  private ByteBuf assemble(GoalFragments fragments, ByteBuf out) {
    byte[] text = fragments.text();
    for (int i = 0; i < goals.length; i++) {
      out.writeBytes(before[i]);
      out.writeBytes(text, fragments.offset(i), fragments.length(i));
    }
    return out.writeBytes(tail);
  }

  /**
   * The value of {@code "locked":} up to the goal's closing brace, at {@code pos}; returns the
   * position after it.
   */
  static int writeDynamic(
      byte[] dst,
      int pos,
      boolean locked,
      int progress,
      GoalStatus status,
      Instant completedAt,
      Instant claimedAt,
      boolean active,
      Instant expiresAt,
      int expiresInSeconds) {
    pos = write(dst, pos, locked ? LOCKED_TRUE : LOCKED_FALSE);
    pos = writeInt(dst, pos, progress);
    pos = write(dst, pos, STATUS_TO_COMPLETED_AT[status.ordinal()]);
    pos = writeTimestamp(dst, pos, completedAt);
    if (claimedAt == null) {
      pos = write(dst, pos, active ? NOT_CLAIMED_ACTIVE : NOT_CLAIMED_INACTIVE);
    } else {
      pos = write(dst, pos, CLAIMED_AT);
      pos = writeTimestamp(dst, pos, claimedAt);
      pos = write(dst, pos, active ? IS_ACTIVE_TRUE : IS_ACTIVE_FALSE);
    }
    if (expiresAt == null && expiresInSeconds == 0) {
      return write(dst, pos, NO_EXPIRY);
    }
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
