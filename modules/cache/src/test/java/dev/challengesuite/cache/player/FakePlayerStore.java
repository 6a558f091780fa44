package dev.challengesuite.cache.player;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.StoredPlayer;
import dev.challengesuite.common.store.WriteResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An in-memory store whose writes complete only when the test says so, so tests can observe what
 * is durable and what is not, and which changes travel together. Like the SQL, a write is stored
 * only if the player's stored version is the write's expected one (else it is named in the
 * result: another instance wrote the player first). Claim records follow the SQL's
 * rules (insert or failed → pending owns the grant; granted only from pending with the same id) and
 * are answered at once.
 */
final class FakePlayerStore implements PlayerStore {

  final Map<String, PlayerProgress> rows = new HashMap<>();
  final Map<String, Set<String>> receipts = new HashMap<>();
  final List<PlayerWriteBatch> batches = new ArrayList<>();
  final List<Promise<Void>> inFlight = new ArrayList<>();
  /** Players whose writes conflicted, in order. */
  final List<String> conflicts = new ArrayList<>();
  int loads;
  /** Loads made against a copy the partition held (see {@link PlayerStore#load}). */
  int refreshes;
  /** The copy the last such load was made against. */
  PlayerProgress lastKnown;
  /** Batches containing this user are refused at once, as the database refuses a bad row. */
  String refusedUser;
  /** Claim records by user, goal and period key. */
  final Map<List<String>, ClaimRecord> claims = new HashMap<>();
  final List<BeginClaim> begun = new ArrayList<>();
  /** When set, claim requests fail with it (the database is down). */
  RuntimeException claimFailure;

  @Override
  public Future<ClaimStart> beginClaim(BeginClaim claim) {
    begun.add(claim);
    if (claimFailure != null) {
      return Future.failedFuture(claimFailure);
    }
    List<String> key = List.of(claim.userId(), claim.goalId(), claim.periodKey());
    ClaimRecord existing = claims.get(key);
    if (existing != null && existing.state() != ClaimState.FAILED) {
      return Future.succeededFuture(new ClaimStart(false, existing));
    }
    int attempt = existing == null ? 1 : existing.attempts() + 1;
    ClaimRecord pending = new ClaimRecord(claim.claimIdPrefix() + ":" + attempt, ClaimState.PENDING, attempt,
        false, claim.at(), null);
    claims.put(key, pending);
    return Future.succeededFuture(new ClaimStart(true, pending));
  }

  @Override
  public Future<Boolean> failClaim(FailClaim claim) {
    if (claimFailure != null) {
      return Future.failedFuture(claimFailure);
    }
    List<String> key = List.of(claim.userId(), claim.goalId(), claim.periodKey());
    ClaimRecord existing = claims.get(key);
    if (existing == null || existing.state() != ClaimState.PENDING || !existing.claimId().equals(claim.claimId())) {
      return Future.succeededFuture(false);
    }
    claims.put(key, new ClaimRecord(existing.claimId(), ClaimState.FAILED, existing.attempts(), false, claim.at(),
        null));
    return Future.succeededFuture(true);
  }

  /** The stored claim of (user, goal, period), or null. */
  ClaimRecord claim(String userId, String goalId, String periodKey) {
    return claims.get(List.of(userId, goalId, periodKey));
  }

  /** When set, loads read the row at once but answer only when the test calls {@link #answerLoad}. */
  boolean holdLoads;
  private final List<Runnable> heldLoads = new ArrayList<>();

  @Override
  public Future<StoredPlayer> load(String userId, PlayerProgress known) {
    loads++;
    if (known != null) {
      refreshes++;
      lastKnown = known;
    }
    StoredPlayer stored = new StoredPlayer(
        rows.getOrDefault(userId, PlayerProgress.empty(userId)), receipts.getOrDefault(userId, Set.of()));
    if (!holdLoads) {
      return Future.succeededFuture(stored);
    }
    Promise<StoredPlayer> answer = Promise.promise();
    heldLoads.add(() -> answer.complete(stored));
    return answer.future();
  }

  /** Answers the oldest held load with what it read. */
  void answerLoad() {
    heldLoads.remove(0).run();
  }

  @Override
  public Future<WriteResult> write(PlayerWriteBatch batch) {
    batches.add(batch);
    if (refusedUser != null && batch.writes().stream().anyMatch(w -> w.userId().equals(refusedUser))) {
      return Future.failedFuture(ChallengeException.internal("Internal server error", null));
    }
    Promise<Void> promise = Promise.promise();
    inFlight.add(promise);
    return promise.future().map(done -> {
      Set<String> conflicted = new HashSet<>();
      for (PlayerWrite write : batch.writes()) {
        long stored = rows.containsKey(write.userId()) ? rows.get(write.userId()).version() : 0;
        if (stored == write.expectedVersion()) {
          persist(write);
        } else {
          conflicted.add(write.userId());
          conflicts.add(write.userId());
        }
      }
      return new WriteResult(conflicted);
    });
  }

  /** Another instance commits the next version of the player, changed by {@code change}. */
  PlayerProgress writeElsewhere(String userId, UnaryOperator<PlayerProgress> change) {
    PlayerProgress old = rows.getOrDefault(userId, PlayerProgress.empty(userId));
    PlayerProgress changed = change.apply(old);
    PlayerProgress next = new PlayerProgress(userId, old.version() + 1, changed.stats(), changed.initialization(),
        changed.goals());
    rows.put(userId, next);
    return next;
  }

  void commitNext() {
    inFlight.remove(0).complete();
  }

  void failNext() {
    inFlight.remove(0).fail(new IllegalStateException("connection refused"));
  }

  void failNextUnavailable() {
    inFlight.remove(0).fail(ChallengeException.unavailable("database unavailable", null));
  }

  private void persist(PlayerWrite write) {
    PlayerProgress old = rows.getOrDefault(write.userId(), PlayerProgress.empty(write.userId()));
    Map<String, GoalState> goals = new HashMap<>(old.goals());
    write.goals().forEach(goal -> goals.put(goal.goalId(), goal));
    rows.put(write.userId(), new PlayerProgress(write.userId(), write.version(), write.stats(),
        write.initialization() != null ? write.initialization() : old.initialization(), goals));
    receipts.computeIfAbsent(write.userId(), id -> new HashSet<>()).addAll(write.eventIds());
    for (ClaimGranted granted : write.claims()) {
      List<String> key = List.of(write.userId(), granted.goalId(), granted.periodKey());
      ClaimRecord existing = claims.get(key);
      if (existing != null && existing.state() == ClaimState.PENDING && existing.claimId().equals(granted.claimId())) {
        claims.put(key, new ClaimRecord(existing.claimId(), ClaimState.GRANTED, existing.attempts(),
            granted.verified(), write.at(), write.at()));
      }
    }
  }
}
