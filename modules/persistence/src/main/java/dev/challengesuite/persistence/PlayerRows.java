package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.DefaultGoalSet;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.store.StoredPlayer;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Maps the one row of {@link Sql#LOAD_PLAYER} to a {@link StoredPlayer}. */
final class PlayerRows {

  private PlayerRows() {}

  /**
   * @param known the committed copy the load was made against (its goal rows plus the row's are
   *     the player's), or null for a full load
   * @param defaultSet resolves the player's default goal set from its id and the ids the row
   *     carries (null when the caller already knew the set)
   * @return the player, or null when {@code known} is newer than the stored player (the caller
   *     then loads it in full)
   */
  static StoredPlayer storedPlayer(String userId, Row row, PlayerProgress known,
      BiFunction<String, String[], DefaultGoalSet> defaultSet) {
    Long version = row.getLong("version");
    if (known != null && (version == null ? 0 : version) < known.version()) {
      return null;
    }
    Map<String, GoalState> goals = known == null ? goals(row) : merged(known.goals(), goals(row));
    String[] recent = row.getArrayOfStrings("recent_event_ids");
    Set<String> recentEventIds = recent == null ? Set.of() : Set.copyOf(List.of(recent));
    if (version == null) {
      // No player row; goal rows cannot exist without one (every write upserts the player), but
      // if some do they are still returned rather than silently dropped.
      return new StoredPlayer(
          new PlayerProgress(userId, 0, PlayerStats.EMPTY, null, goals), recentEventIds);
    }
    PlayerStats stats = new PlayerStats(row.getLong("seq"), row.getInteger("login_count"),
        StatsJson.decode(row.getJsonObject("stats")),
        CrossingsJson.decode(row.getJsonObject("crossings")));
    return new StoredPlayer(
        new PlayerProgress(userId, version, stats, initialization(row, defaultSet), goals),
        recentEventIds);
  }

  private static Initialization initialization(Row row,
      BiFunction<String, String[], DefaultGoalSet> defaultSet) {
    OffsetDateTime at = row.getOffsetDateTime("initialized_at");
    if (at == null) {
      return null;
    }
    return new Initialization(at.toInstant(), row.getLong("init_seq"),
        row.getInteger("init_login_count"), defaultSet.apply(
            row.getString("default_set_id"), row.getArrayOfStrings("default_set_goal_ids")));
  }

  private static Map<String, GoalState> goals(Row row) {
    String[] ids = row.getArrayOfStrings("goal_ids");
    if (ids == null) {
      return Map.of();
    }
    String[] challengeIds = row.getArrayOfStrings("goal_challenge_ids");
    Boolean[] active = row.getArrayOfBooleans("goal_active");
    String[] statuses = row.getArrayOfStrings("goal_statuses");
    Integer[] progress = row.getArrayOfIntegers("goal_progress");
    Long[] seqs = row.getArrayOfLongs("goal_seqs");
    Integer[] loginBases = row.getArrayOfIntegers("goal_login_bases");
    Integer[] baselines = row.getArrayOfIntegers("goal_baselines");
    OffsetDateTime[] assignedAt = row.getArrayOfOffsetDateTimes("goal_assigned_at");
    OffsetDateTime[] completedAt = row.getArrayOfOffsetDateTimes("goal_completed_at");
    OffsetDateTime[] claimedAt = row.getArrayOfOffsetDateTimes("goal_claimed_at");
    OffsetDateTime[] expiresAt = row.getArrayOfOffsetDateTimes("goal_expires_at");
    OffsetDateTime[] updatedAt = row.getArrayOfOffsetDateTimes("goal_updated_at");
    Map<String, GoalState> goals = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      goals.put(ids[i], new GoalState(ids[i], challengeIds[i], active[i],
          GoalStatus.fromWire(statuses[i]), progress[i], seqs[i], loginBases[i], baselines[i],
          instant(assignedAt[i]), instant(completedAt[i]), instant(claimedAt[i]),
          instant(expiresAt[i]), instant(updatedAt[i])));
    }
    return goals;
  }

  /** The copy's goal states with the changed rows over them; the copy's own map if none changed. */
  private static Map<String, GoalState> merged(
      Map<String, GoalState> known, Map<String, GoalState> changed) {
    if (changed.isEmpty()) {
      return known;
    }
    Map<String, GoalState> goals = new HashMap<>(known);
    goals.putAll(changed);
    return goals;
  }

  static DefaultGoalSet defaultSet(String id, String[] goalIds) {
    return new DefaultGoalSet(id, Set.copyOf(List.of(goalIds)));
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
