package dev.challengesuite.persistence;

import dev.challengesuite.common.progress.DefaultGoalSet;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.Initialization;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A write batch as the column arrays of {@link Sql#WRITE_PLAYERS} (and the default goal sets it
 * references). Rows are sorted by key so that concurrent transactions lock shared rows in the same
 * order (no deadlocks).
 */
final class WriteColumns {

  private final List<String> userIds;
  private final Tuple players;
  private final Tuple goals;
  private final Tuple receipts;
  private final Tuple claims;
  private final Tuple goalVersions;
  private final Tuple crossings;
  private final List<DefaultGoalSet> referencedSets;

  private WriteColumns(List<PlayerWrite> writes) {
    this.userIds = writes.stream().map(PlayerWrite::userId).toList();
    this.referencedSets = referencedSets(writes);
    this.players = players(writes);
    this.goals = goals(writes);
    this.receipts = receipts(writes);
    this.claims = claims(writes);
    this.goalVersions = goalVersions(writes);
    this.crossings = crossings(writes);
  }

  /**
   * Fails on a batch with two writes of one player (the contract allows at most one) and on a
   * write that does not advance the version by one (the statement's version check relies on it).
   */
  static WriteColumns of(PlayerWriteBatch batch) {
    Map<String, PlayerWrite> byUser = new TreeMap<>();
    for (PlayerWrite write : batch.writes()) {
      if (byUser.put(write.userId(), write) != null) {
        throw new IllegalArgumentException(
            "a write batch holds two writes of player " + write.userId());
      }
      if (write.version() != write.expectedVersion() + 1 || write.expectedVersion() < 0) {
        throw new IllegalArgumentException("the write of player " + write.userId()
            + " goes from version " + write.expectedVersion() + " to " + write.version());
      }
    }
    return new WriteColumns(List.copyOf(byUser.values()));
  }

  /** The players of the batch, in the order their rows are written. */
  List<String> userIds() {
    return userIds;
  }

  /**
   * The 35 parameters of {@link Sql#WRITE_PLAYERS}: players, goals, receipts, claims, then the
   * players' goal versions and crossings (last, so that the earlier numbers stay put).
   */
  Tuple statement() {
    Tuple all = Tuple.tuple();
    for (Tuple part : List.of(players, goals, receipts, claims, goalVersions, crossings)) {
      for (int i = 0; i < part.size(); i++) {
        all.addValue(part.getValue(i));
      }
    }
    return all;
  }

  /** Rows of {@link Sql#INSERT_DEFAULT_SET} for the referenced sets not known to be stored. */
  List<Tuple> defaultSetsOtherThan(Set<String> stored) {
    return referencedSets.stream()
        .filter(set -> !stored.contains(set.id()))
        // Not Tuple.of(id, array): Java would pick of(Object, Object...) and spread the array.
        .map(set -> Tuple.tuple().addValue(set.id())
            .addValue(set.goalIds().stream().sorted().toArray(String[]::new)))
        .toList();
  }

  /** The default goal sets the batch's initializations reference, once each. */
  List<DefaultGoalSet> referencedSets() {
    return referencedSets;
  }

  private static List<DefaultGoalSet> referencedSets(List<PlayerWrite> writes) {
    Map<String, DefaultGoalSet> sets = new LinkedHashMap<>();
    for (PlayerWrite write : writes) {
      if (write.initialization() != null) {
        DefaultGoalSet set = write.initialization().defaults();
        sets.putIfAbsent(set.id(), set);
      }
    }
    return List.copyOf(sets.values());
  }

  private static Tuple players(List<PlayerWrite> writes) {
    int n = writes.size();
    String[] userIds = new String[n];
    Long[] versions = new Long[n];
    Long[] seqs = new Long[n];
    Integer[] loginCounts = new Integer[n];
    String[] stats = new String[n];
    OffsetDateTime[] initializedAt = new OffsetDateTime[n];
    Long[] initSeqs = new Long[n];
    Integer[] initLoginCounts = new Integer[n];
    String[] defaultSetIds = new String[n];
    OffsetDateTime[] updatedAt = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      PlayerWrite write = writes.get(i);
      userIds[i] = write.userId();
      versions[i] = write.version();
      seqs[i] = write.stats().seq();
      loginCounts[i] = write.stats().loginCount();
      stats[i] = StatsJson.encode(write.stats().stats());
      Initialization init = write.initialization();
      if (init != null) {
        initializedAt[i] = utc(init.at());
        initSeqs[i] = init.seq();
        initLoginCounts[i] = init.loginCount();
        defaultSetIds[i] = init.defaults().id();
      }
      updatedAt[i] = utc(write.at());
    }
    return Tuple.of(userIds, versions, seqs, loginCounts, stats, initializedAt, initSeqs,
        initLoginCounts, defaultSetIds, updatedAt);
  }

  /** Per player: its new version if the write changes goal rows, else 0 (keep the stored one). */
  private static Tuple goalVersions(List<PlayerWrite> writes) {
    Long[] versions = new Long[writes.size()];
    for (int i = 0; i < versions.length; i++) {
      PlayerWrite write = writes.get(i);
      versions[i] = write.goals().isEmpty() ? 0L : write.version();
    }
    return Tuple.of((Object) versions);
  }

  /** Per player: its counters' crossings as the {@code player.crossings} JSON. */
  private static Tuple crossings(List<PlayerWrite> writes) {
    String[] json = new String[writes.size()];
    for (int i = 0; i < json.length; i++) {
      json[i] = CrossingsJson.encode(writes.get(i).stats().crossings());
    }
    return Tuple.of((Object) json);
  }

  private static Tuple goals(List<PlayerWrite> writes) {
    List<GoalRow> rows = new ArrayList<>();
    for (PlayerWrite write : writes) {
      // Last state wins if a write lists a goal twice (one statement cannot upsert a row twice).
      Map<String, GoalState> byGoal = new TreeMap<>();
      write.goals().forEach(goal -> byGoal.put(goal.goalId(), goal));
      byGoal.values().forEach(goal -> rows.add(new GoalRow(write.userId(), goal)));
    }
    int n = rows.size();
    String[] userIds = new String[n];
    String[] goalIds = new String[n];
    String[] challengeIds = new String[n];
    Boolean[] active = new Boolean[n];
    String[] statuses = new String[n];
    Integer[] progress = new Integer[n];
    Long[] seqs = new Long[n];
    Integer[] loginBases = new Integer[n];
    Integer[] baselines = new Integer[n];
    OffsetDateTime[] assignedAt = new OffsetDateTime[n];
    OffsetDateTime[] completedAt = new OffsetDateTime[n];
    OffsetDateTime[] claimedAt = new OffsetDateTime[n];
    OffsetDateTime[] expiresAt = new OffsetDateTime[n];
    OffsetDateTime[] updatedAt = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      GoalState goal = rows.get(i).goal();
      userIds[i] = rows.get(i).userId();
      goalIds[i] = goal.goalId();
      challengeIds[i] = goal.challengeId();
      active[i] = goal.active();
      statuses[i] = goal.status().wire();
      progress[i] = goal.progress();
      seqs[i] = goal.seq();
      loginBases[i] = goal.loginBase();
      baselines[i] = goal.baseline();
      assignedAt[i] = utc(goal.assignedAt());
      completedAt[i] = utc(goal.completedAt());
      claimedAt[i] = utc(goal.claimedAt());
      expiresAt[i] = utc(goal.expiresAt());
      updatedAt[i] = utc(goal.updatedAt());
    }
    return Tuple.of(userIds, goalIds, challengeIds, active, statuses, progress, seqs, loginBases,
        baselines, assignedAt, completedAt, claimedAt, expiresAt, updatedAt);
  }

  private static Tuple receipts(List<PlayerWrite> writes) {
    List<String> userIds = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    List<OffsetDateTime> receivedAt = new ArrayList<>();
    for (PlayerWrite write : writes) {
      OffsetDateTime at = utc(write.at());
      for (String eventId : new TreeSet<>(write.eventIds())) {
        userIds.add(write.userId());
        eventIds.add(eventId);
        receivedAt.add(at);
      }
    }
    return Tuple.of(userIds.toArray(String[]::new), eventIds.toArray(String[]::new),
        receivedAt.toArray(OffsetDateTime[]::new));
  }

  private static Tuple claims(List<PlayerWrite> writes) {
    List<String> userIds = new ArrayList<>();
    List<String> goalIds = new ArrayList<>();
    List<String> periodKeys = new ArrayList<>();
    List<String> claimIds = new ArrayList<>();
    List<Boolean> verified = new ArrayList<>();
    List<OffsetDateTime> at = new ArrayList<>();
    for (PlayerWrite write : writes) {
      List<ClaimGranted> sorted = new ArrayList<>(write.claims());
      sorted.sort(Comparator.comparing(ClaimGranted::goalId).thenComparing(ClaimGranted::periodKey));
      for (ClaimGranted claim : sorted) {
        userIds.add(write.userId());
        goalIds.add(claim.goalId());
        periodKeys.add(claim.periodKey());
        claimIds.add(claim.claimId());
        verified.add(claim.verified());
        at.add(utc(write.at()));
      }
    }
    return Tuple.of(userIds.toArray(String[]::new), goalIds.toArray(String[]::new),
        periodKeys.toArray(String[]::new), claimIds.toArray(String[]::new),
        verified.toArray(Boolean[]::new), at.toArray(OffsetDateTime[]::new));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private record GoalRow(String userId, GoalState goal) {}
}
