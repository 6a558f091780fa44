package dev.challengesuite.http.render;

import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import java.time.Instant;
import java.util.Arrays;

/**
 * The per-player fragments of one list response, each distinct fragment written once: in a list
 * most goals share theirs with others (goals completed by the same event show the same progress,
 * status and time; a new player's goals all look alike), so formatting 500 fragments is mostly
 * finding the one already written.
 *
 * <p>One instance per thread, reused response after response ({@link #start} forgets the previous
 * response in constant time). Not thread-safe.
 */
final class GoalFragments {

  /** Stands for a null instant in a key (no instant has this epoch second). */
  private static final long NO_INSTANT = Long.MIN_VALUE;
  private static final int KEY_LONGS = 5;

  /** The fragments written for this response, back to back. */
  private byte[] text = new byte[0];
  private int textLength;
  /** Open-addressing table of the distinct fragments: key, where its text is, and its response. */
  private long[] keys = new long[0];
  private int[] offsets = new int[0];
  private int[] lengths = new int[0];
  private int[] stamps = new int[0];
  private int mask;
  private int stamp;
  /** Per goal of the response: the fragment's offset in {@link #text} and length. */
  private int[] goalOffsets = new int[0];
  private int[] goalLengths = new int[0];
  private int goals;
  private int totalLength;

  /** Forgets the previous response; room for {@code goalCount} goals. */
  void start(int goalCount) {
    if (goalOffsets.length < goalCount) {
      goalOffsets = new int[goalCount];
      goalLengths = new int[goalCount];
      text = new byte[goalCount * ChallengeListRenderer.MAX_DYNAMIC_BYTES];
      int slots = Integer.highestOneBit(Math.max(16, goalCount) * 2) * 2; // at most half full
      keys = new long[slots * KEY_LONGS];
      offsets = new int[slots];
      lengths = new int[slots];
      stamps = new int[slots];
      mask = slots - 1;
    }
    stamp++;
    if (stamp == 0) { // wrapped around: every slot would look current
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
    textLength = 0;
    goals = 0;
    totalLength = 0;
  }

  /** Appends the next goal's fragment, as {@link ChallengeListRenderer#writeDynamic} writes it. */
  void add(GoalView view) {
    add(view.locked(), view.progress(), view.status(), view.completedAt(), view.claimedAt(),
        view.active(), view.expiresAt(), view.expiresInSeconds());
  }

  void add(boolean locked, int progress, GoalStatus status, Instant completedAt, Instant claimedAt,
      boolean active, Instant expiresAt, int expiresInSeconds) {
    long k0 = ((long) progress << 32) | (expiresInSeconds & 0xffffffffL);
    long k1 = status.ordinal() << 2 | (locked ? 2 : 0) | (active ? 1 : 0);
    long k2 = second(completedAt);
    long k3 = second(claimedAt);
    long k4 = second(expiresAt);
    long hash = (((k0 * 31 + k1) * 31 + k2) * 31 + k3) * 31 + k4;
    int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (stamps[slot] == stamp) {
      int k = slot * KEY_LONGS;
      if (keys[k] == k0 && keys[k + 1] == k1 && keys[k + 2] == k2 && keys[k + 3] == k3
          && keys[k + 4] == k4) {
        record(offsets[slot], lengths[slot]);
        return;
      }
      slot = (slot + 1) & mask;
    }
    int end = ChallengeListRenderer.writeDynamic(text, textLength, locked, progress, status,
        completedAt, claimedAt, active, expiresAt, expiresInSeconds);
    int k = slot * KEY_LONGS;
    keys[k] = k0;
    keys[k + 1] = k1;
    keys[k + 2] = k2;
    keys[k + 3] = k3;
    keys[k + 4] = k4;
    offsets[slot] = textLength;
    lengths[slot] = end - textLength;
    stamps[slot] = stamp;
    record(textLength, end - textLength);
    textLength = end;
  }

  /** The fragments' text; goal i's is at {@link #offset}(i) for {@link #length}(i) bytes. */
  byte[] text() {
    return text;
  }

  int offset(int goal) {
    return goalOffsets[goal];
  }

  int length(int goal) {
    return goalLengths[goal];
  }

  /** Sum of the lengths of the fragments of every goal added. */
  int totalLength() {
    return totalLength;
  }

  private void record(int offset, int length) {
    goalOffsets[goals] = offset;
    goalLengths[goals] = length;
    goals++;
    totalLength += length;
  }

  /** Only the second is shown, so instants within one second make the same fragment. */
  private static long second(Instant at) {
    return at == null ? NO_INSTANT : at.getEpochSecond();
  }
}
