package dev.challengesuite.cache.player;

import dev.challengesuite.cache.cluster.CacheTrust;
import dev.challengesuite.cache.cluster.PlayerChange;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.ActivationOutcome;
import dev.challengesuite.common.player.ClaimOutcome;
import dev.challengesuite.common.player.InitializeOutcome;
import dev.challengesuite.common.player.PlayerCommand;
import dev.challengesuite.common.player.PlayerEvent;
import dev.challengesuite.common.player.SelectionOutcome;
import dev.challengesuite.common.progress.ActivationChange;
import dev.challengesuite.common.progress.ClaimRules;
import dev.challengesuite.common.progress.ClaimRules.GrantVerdict;
import dev.challengesuite.common.progress.Claimable;
import dev.challengesuite.common.progress.EventOutcome;
import dev.challengesuite.common.progress.EventRules;
import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.InitializeChange;
import dev.challengesuite.common.progress.InitializeRules;
import dev.challengesuite.common.progress.PlayerProgress;
import dev.challengesuite.common.progress.SelectionChange;
import dev.challengesuite.common.progress.SelectionRules;
import dev.challengesuite.common.reward.RewardGrant;
import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimGranted;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.FailClaim;
import dev.challengesuite.common.store.PlayerWrite;
import dev.challengesuite.common.store.PlayerWriteBatch;
import dev.challengesuite.common.store.WriteResult;
import dev.challengesuite.common.time.ServiceClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of a share of the players: holds their state in memory, applies the rules to
 * each command in arrival order, and commits changes with group commit — while one batch is being
 * written, the next accumulates, so the database sees one transaction per batch of players rather
 * than one per event. A caller's future completes only once its change is durable.
 *
 * <p>Reward claims ({@link #claim}) are the one command that waits on another service: the grant
 * is sent with no lock held and the player's other commands keep flowing meanwhile; claims of the
 * same goal wait for each other (docs/claims.md).
 *
 * <p>Several instances may share the database (docs/scaling.md): every write then applies only if
 * the player's stored version is the one it was computed from. A write that loses that race is
 * not stored; the player is dropped from memory and the commands behind it run once more on the
 * state read again (see {@link #clusterWith}).
 *
 * <p>Not thread-safe by design: every method runs on the owning verticle's event loop.
 */
public final class PlayerPartition {

  private static final Logger LOG = LoggerFactory.getLogger(PlayerPartition.class);

  /** Limits of one partition. */
  public record Limits(Duration dedupWindow, int maxBatchPlayers, int maxPendingEvents, int maxCachedPlayers) {}

  /**
   * How claims grant rewards.
   *
   * @param namespace the AGS namespace grants are made in
   * @param pendingExpiry a claim pending this long is settled as granted without sending again
   */
  public record ClaimSettings(String namespace, RewardGranter rewards, Duration pendingExpiry) {

    /** No reward service: every grant fails as never sent. */
    public static ClaimSettings none() {
      ReplyException nobody = new ReplyException(ReplyFailure.NO_HANDLERS, "no reward service configured");
      return new ClaimSettings("none", grant -> Future.failedFuture(
          ChallengeException.unavailable("service temporarily unavailable", nobody)), Duration.ofSeconds(30));
    }
  }

  private final PlayerStore store;
  private final CatalogIndex catalog;
  private final ServiceClock clock;
  private final Limits limits;
  private final Executor later;
  private final RandomGenerator random;
  private final ClaimSettings claims;

  /** Loaded players in access order, so the least recently used go first when memory is short. */
  private final LinkedHashMap<String, PlayerEntry> players = new LinkedHashMap<>(1024, 0.75f, true);
  private final Map<String, Future<PlayerEntry>> loading = new HashMap<>();
  /** The next batch: one pending write per player, in the order players first changed. */
  private final LinkedHashMap<String, PendingWrite> queued = new LinkedHashMap<>();
  /** Claims in flight by player and goal: another claim of that goal waits, then checks again. */
  private final Map<ClaimKey, Future<ClaimOutcome>> claiming = new HashMap<>();
  /** Newest version announced by other instances for players whose load is in flight. */
  private final Map<String, Long> announcedWhileLoading = new HashMap<>();
  /**
   * The last committed copy of players dropped from memory because it may be outdated (another
   * instance changed them, or a write of theirs failed): the next load reads only what was written
   * after it. Evicted players leave none; bounded by {@code maxCachedPlayers}.
   */
  private final Map<String, PlayerProgress> lastCommitted = new HashMap<>();
  private boolean writing;
  private boolean flushScheduled;
  private int pendingEvents;
  /** Counts command arrivals and load starts, to tell whether a player was read after a command came. */
  private long ticks;
  private CacheTrust trust = CacheTrust.alone();
  private Consumer<List<PlayerChange>> publisher = changes -> {};
  private PartitionMetrics metrics;

  /**
   * @param later runs a task after the current one on the same event loop; lets every command
   *     that arrived together join one batch
   */
  public PlayerPartition(
      PlayerStore store, CatalogIndex catalog, ServiceClock clock, Limits limits, Executor later) {
    this(store, catalog, clock, limits, later, new SecureRandom());
  }

  /** @param random draws the goals of random selections */
  public PlayerPartition(PlayerStore store, CatalogIndex catalog, ServiceClock clock, Limits limits,
      Executor later, RandomGenerator random) {
    this(store, catalog, clock, limits, later, random, ClaimSettings.none());
  }

  /** @param claims where claims send their grants */
  public PlayerPartition(PlayerStore store, CatalogIndex catalog, ServiceClock clock, Limits limits,
      Executor later, RandomGenerator random, ClaimSettings claims) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
    this.limits = limits;
    this.later = later;
    this.random = random;
    this.claims = claims;
  }

  /** Publishes this partition's pipeline metrics under the given partition number. */
  public void measureWith(MeterRegistry registry, int partition) {
    metrics = new PartitionMetrics(registry, partition, this);
  }

  /**
   * Shares the database with other instances: {@code trust} says when a player held in memory may
   * be served without reading it again, and {@code publisher} hears the players each write batch
   * committed, to announce them to the others.
   */
  public void clusterWith(CacheTrust trust, Consumer<List<PlayerChange>> publisher) {
    this.trust = trust;
    this.publisher = publisher;
  }

  /** The player's committed progress: every acknowledged change, nothing that is not durable. */
  public Future<PlayerProgress> get(String userId) {
    return entry(userId, Need.CACHED).map(entry -> entry.committed);
  }

  /** Assigns the default goals (and resets stale ones), durably. */
  public Future<InitializeOutcome> initialize(String userId) {
    return onceMoreIfChanged(() -> entry(userId, Need.FRESH).compose(entry -> initialize(entry, clock.now())));
  }

  /** Sets one goal active or inactive (reference §5.6), durably. */
  public Future<ActivationOutcome> setActive(PlayerCommand.SetActive command) {
    return onceMoreIfChanged(() -> entry(command.userId(), Need.FRESH)
        .compose(entry -> setActive(entry, command, clock.now())));
  }

  /** Activates the requested goals of a challenge (reference §5.7.1), durably. */
  public Future<SelectionOutcome> batchSelect(PlayerCommand.BatchSelect command) {
    return onceMoreIfChanged(() -> entry(command.userId(), Need.FRESH)
        .compose(entry -> batchSelect(entry, command, clock.now())));
  }

  /** Activates randomly drawn goals of a challenge (reference §5.7.2), durably. */
  public Future<SelectionOutcome> randomSelect(PlayerCommand.RandomSelect command) {
    return onceMoreIfChanged(() -> entry(command.userId(), Need.FRESH)
        .compose(entry -> randomSelect(entry, command, clock.now())));
  }

  /** Applies a game event; completes once its effect is durable. */
  public Future<Void> apply(PlayerEvent event) {
    return onceMoreIfChanged(() -> entry(event.userId(), Need.CACHED)
        .compose(entry -> apply(entry, event, clock.now())));
  }

  /**
   * Another instance committed {@code version} of the player: an older copy held here is dropped
   * if no write of it is under way (one that is will fail its version check and drop it), and a
   * load in flight is marked so that its result is not served.
   */
  public void invalidate(String userId, long version) {
    PlayerEntry entry = players.get(userId);
    if (entry == null) {
      if (loading.containsKey(userId)) {
        announcedWhileLoading.merge(userId, version, Math::max);
      }
      return;
    }
    entry.announcedVersion = Math.max(entry.announcedVersion, version);
    if (entry.outdated() && entry.idle()) {
      drop(entry);
      if (metrics != null) {
        metrics.invalidated();
      }
    }
  }

  /** Accepted events whose effect is not durable yet. */
  public int pendingEvents() {
    return pendingEvents;
  }

  /** Players held in memory. */
  public int cachedPlayers() {
    return players.size();
  }

  /**
   * Completes once everything accepted so far is durable (or failed) and every claim in flight has
   * finished, so that a graceful shutdown leaves no claim pending.
   */
  public Future<Void> drained() {
    List<Future<?>> writes = new ArrayList<>();
    for (Future<ClaimOutcome> claim : claiming.values()) {
      writes.add(claim.otherwiseEmpty());
    }
    for (PlayerEntry entry : players.values()) {
      if (entry.lastWrite != null) {
        writes.add(entry.lastWrite.recover(error -> Future.succeededFuture()));
      }
    }
    return Future.join(writes).mapEmpty();
  }

  // ---- reward claims (docs/claims.md) ----

  /**
   * Claims a completed goal's reward (reference §8): checks the durable state with {@link
   * ClaimRules}, makes the claim record pending, sends the grant once, then commits the goal's
   * claimed state and the granted claim in one write. Replies once that is durable.
   */
  public Future<ClaimOutcome> claim(PlayerCommand.Claim command) {
    ClaimKey key = new ClaimKey(command.userId(), command.goalId());
    Future<ClaimOutcome> running = claiming.get(key);
    if (running != null) {
      // one claim per goal at a time; the next one sees what the first left (claimed, say)
      return running.transform(done -> {
        claiming.remove(key, running);
        return claim(command);
      });
    }
    // checked against what is durable: a claim never rests on a change that could still be lost
    Future<ClaimOutcome> claim = onceMoreIfChanged(() -> entry(command.userId(), Need.FRESH)
            .compose(entry -> entry.durable().map(entry)))
        .compose(entry -> checkAndBegin(entry, command));
    if (!claim.isComplete()) {
      claiming.put(key, claim);
      claim.onComplete(done -> claiming.remove(key, claim));
    }
    return claim;
  }

  /** {@code entry} is durable: every change accepted for the player before is committed. */
  private Future<ClaimOutcome> checkAndBegin(PlayerEntry entry, PlayerCommand.Claim command) {
    Instant now = clock.now();
    Claimable claim = ClaimRules.check(entry.committed, catalog, command.challengeId(), command.goalId(), now);
    BeginClaim begin = new BeginClaim(command.userId(), claim.goal().id(), claim.periodKey(),
        ClaimRules.claimIdPrefix(command.userId(), claim), claim.goal().reward(), now);
    return store.beginClaim(begin).compose(start -> {
      ClaimRecord record = start.record();
      return switch (ClaimRules.resolve(start, clock.now(), claims.pendingExpiry())) {
        case SEND_GRANT -> grant(command.userId(), claim, record);
        case ALREADY_GRANTED -> alreadyGranted(command.userId(), claim, record);
        case IN_PROGRESS -> Future.failedFuture(ClaimRules.inProgress(claim.goal().id()));
        case SETTLE_UNVERIFIED -> {
          LOG.warn("claim {} was pending since {} with no recorded outcome: settled as granted without"
              + " sending again; reconcile with the platform by this claim id", record.claimId(), record.updatedAt());
          if (metrics != null) {
            metrics.claimSettledUnverified();
          }
          yield settle(command.userId(), claim, record, false);
        }
      };
    });
  }

  /** Sends the grant this caller owns, once, and records what its answer says. */
  private Future<ClaimOutcome> grant(String userId, Claimable claim, ClaimRecord record) {
    String goalId = claim.goal().id();
    RewardGrant grant = new RewardGrant(claims.namespace(), userId, claim.goal().reward(), record.claimId());
    return claims.rewards().grant(grant).transform(answer -> {
      GrantVerdict verdict = answer.succeeded()
          ? ClaimRules.verdict(answer.result())
          : ClaimRules.verdict(answer.cause());
      return switch (verdict) {
        case GRANTED -> settle(userId, claim, record, true);
        case NOT_GRANTED -> {
          count("grant_failed");
          FailClaim failed = new FailClaim(userId, goalId, claim.periodKey(), record.claimId(), clock.now());
          yield store.failClaim(failed).transform(recorded -> {
            if (recorded.failed()) {
              LOG.warn("claim {}: the grant failed but that could not be recorded ({}); the claim stays pending",
                  record.claimId(), recorded.cause().toString());
            }
            return Future.failedFuture(ClaimRules.grantFailed(goalId));
          });
        }
        case UNKNOWN -> {
          count("outcome_unknown");
          LOG.warn("claim {}: grant outcome unknown ({}); the claim stays pending and is never sent again",
              record.claimId(), answer.succeeded() ? answer.result() : answer.cause().toString());
          yield Future.failedFuture(ClaimRules.outcomeUnknown(goalId));
        }
      };
    });
  }

  /**
   * Commits the goal's claimed state and the granted claim in one write, on the player's state as
   * it is now (events, here or on another instance, may have moved it while the grant was in
   * flight).
   */
  private Future<ClaimOutcome> settle(String userId, Claimable claim, ClaimRecord record, boolean verified) {
    Goal goal = claim.goal();
    return onceMoreIfChanged(() -> entry(userId, Need.CACHED).compose(entry -> {
      Instant now = clock.now();
      GoalState claimed = ClaimRules.claimed(
          claim, entry.pending.goal(goal), entry.pending.stats(), now, now);
      List<GoalState> changed = claimed == null ? List.of() : List.of(claimed);
      ClaimGranted granted = new ClaimGranted(goal.id(), claim.periodKey(), record.claimId(), verified);
      return commit(entry, withGoals(entry.pending, changed), changed, false, List.of(granted))
          .map(done -> {
            if (verified) {
              count("granted");
            }
            return new ClaimOutcome(goal.id(), goal.reward(), now);
          });
    }));
  }

  /**
   * The claim was granted before: 409. If the goal does not show it (the goal's write was lost, or
   * another instance claimed it), it is repaired first.
   */
  private Future<ClaimOutcome> alreadyGranted(String userId, Claimable claim, ClaimRecord record) {
    Goal goal = claim.goal();
    return onceMoreIfChanged(() -> entry(userId, Need.CACHED).compose(entry -> {
      GoalState claimed = ClaimRules.claimed(claim, entry.pending.goal(goal),
          entry.pending.stats(), record.grantedAt(), clock.now());
      if (claimed == null) {
        return entry.durable();
      }
      LOG.warn("claim {} was granted but goal {} of {} did not show it claimed: repaired", record.claimId(),
          goal.id(), userId);
      return commit(entry, withGoals(entry.pending, List.of(claimed)), List.of(claimed), false, List.of());
    })).compose(done -> Future.failedFuture(ClaimRules.alreadyClaimed(goal.id(), record.grantedAt())));
  }

  private void count(String outcome) {
    if (metrics != null) {
      metrics.claim(outcome);
    }
  }

  private static PlayerProgress withGoals(PlayerProgress player, List<GoalState> changed) {
    if (changed.isEmpty()) {
      return player;
    }
    Map<String, GoalState> goals = new HashMap<>(player.goals());
    changed.forEach(goal -> goals.put(goal.goalId(), goal));
    return new PlayerProgress(player.userId(), player.version(), player.stats(), player.initialization(), goals);
  }

  private record ClaimKey(String userId, String goalId) {}

  private Future<InitializeOutcome> initialize(PlayerEntry entry, Instant now) {
    InitializeChange change = InitializeRules.initialize(entry.pending, catalog, now);
    if (change.writesNothing()) {
      return entry.durable().map(done -> new InitializeOutcome(change.player(), List.of()));
    }
    return commit(entry, change.player(), change.changedGoals(), change.initialization() != null)
        .map(done -> new InitializeOutcome(change.player(), change.newlyAssigned()));
  }

  private Future<ActivationOutcome> setActive(PlayerEntry entry, PlayerCommand.SetActive command, Instant now) {
    ActivationChange change = SelectionRules.setActive(
        entry.pending, catalog, command.challengeId(), command.goalId(), command.active(), now);
    List<GoalState> changed = change.written() ? List.of(change.goal()) : List.of();
    return commit(entry, change.player(), changed, false)
        .map(done -> new ActivationOutcome(change.player(), change.goal(), now));
  }

  private Future<SelectionOutcome> batchSelect(PlayerEntry entry, PlayerCommand.BatchSelect command, Instant now) {
    SelectionChange change = SelectionRules.batchSelect(
        entry.pending, catalog, command.challengeId(), command.goalIds(), command.replaceExisting(), now);
    return selected(entry, command.challengeId(), change);
  }

  private Future<SelectionOutcome> randomSelect(PlayerEntry entry, PlayerCommand.RandomSelect command, Instant now) {
    SelectionChange change = SelectionRules.randomSelect(entry.pending, catalog, command.challengeId(),
        command.count(), command.replaceExisting(), command.excludeActive(), now, random);
    return selected(entry, command.challengeId(), change);
  }

  private Future<SelectionOutcome> selected(PlayerEntry entry, String challengeId, SelectionChange change) {
    return commit(entry, change.player(), change.changedGoals(), false)
        .map(done -> new SelectionOutcome(change.player(), challengeId, change.selectedGoalIds(),
            change.replacedGoalIds(), change.totalActiveGoals()));
  }

  /**
   * Makes {@code after} the player's pending state and queues the goal states (and first
   * initialize) it wrote; completes once they are durable. With nothing to write, completes once
   * everything accepted before is durable, so a reply never shows a state that could still be lost.
   */
  private Future<Void> commit(PlayerEntry entry, PlayerProgress after, List<GoalState> changedGoals,
      boolean initialization) {
    return commit(entry, after, changedGoals, initialization, List.of());
  }

  /** As above; {@code claims} are granted in the same transaction as the goal states. */
  private Future<Void> commit(PlayerEntry entry, PlayerProgress after, List<GoalState> changedGoals,
      boolean initialization, List<ClaimGranted> claims) {
    if (changedGoals.isEmpty() && !initialization && claims.isEmpty()) {
      return entry.durable();
    }
    entry.pending = after;
    PendingWrite write = queue(entry);
    changedGoals.forEach(goal -> write.goalIds.add(goal.goalId()));
    write.initialization |= initialization;
    write.claims.addAll(claims);
    scheduleFlush();
    return write.done.future();
  }

  private Future<Void> apply(PlayerEntry entry, PlayerEvent event, Instant now) {
    boolean deduplicated = event instanceof PlayerEvent.Login && !event.eventId().isEmpty();
    if (deduplicated && entry.recentEvents.contains(event.eventId(), now, limits.dedupWindow())) {
      return entry.durable();
    }
    if (pendingEvents >= limits.maxPendingEvents()) {
      return Future.failedFuture(
          new ChallengeException(ErrorCode.RESOURCE_EXHAUSTED, "too many events waiting to be written; retry later"));
    }
    EventOutcome outcome = EventRules.apply(entry.pending, event, catalog, now);
    if (!outcome.applied()) {
      return Future.succeededFuture();
    }
    entry.pending = outcome.player();
    PendingWrite write = queue(entry);
    outcome.changedGoals().forEach(goal -> write.goalIds.add(goal.goalId()));
    if (deduplicated) {
      entry.recentEvents.remember(event.eventId(), now);
      write.eventIds.add(event.eventId());
    }
    write.events++;
    pendingEvents++;
    scheduleFlush();
    return write.done.future();
  }

  /** How recent the copy of a player a command works on must be. */
  private enum Need {
    /**
     * The copy in memory while it can be trusted (alone, or the change feed heard every change
     * since it was loaded): reads, and events, which always write and so are version-checked.
     */
    CACHED,
    /**
     * Read from the database after the command arrived, unless a write of the player is under way
     * (its version check vouches for the state): commands that may decide to write nothing
     * (set-active, selections, initialize, claim) must not decide on a copy older than the last
     * change another instance acknowledged. Alone, the copy in memory is always fresh.
     */
    FRESH
  }

  private Future<PlayerEntry> entry(String userId, Need need) {
    return entry(userId, need, ++ticks);
  }

  private Future<PlayerEntry> entry(String userId, Need need, long arrival) {
    PlayerEntry entry = players.get(userId);
    if (entry != null) {
      if (usable(entry, need, arrival)) {
        return Future.succeededFuture(entry);
      }
      drop(entry);
      if (metrics != null) {
        metrics.reread(need == Need.FRESH ? "fresh" : "untrusted");
      }
    } else {
      Future<PlayerEntry> inProgress = loading.get(userId);
      if (inProgress != null) {
        // a load that started before this command may be too old for it: look again once it is done
        return inProgress.compose(loaded -> entry(userId, need, arrival));
      }
    }
    Future<PlayerEntry> loaded = load(userId);
    if (!loaded.isComplete()) {
      loading.put(userId, loaded);
      loaded.onComplete(done -> {
        loading.remove(userId);
        announcedWhileLoading.remove(userId);
      });
    }
    return loaded;
  }

  private boolean usable(PlayerEntry entry, Need need, long arrival) {
    if (!entry.idle() || !trust.clustered() || entry.loadedAt > arrival) {
      return true;
    }
    return need == Need.CACHED && trust.trusts(entry.epoch) && !entry.outdated();
  }

  private Future<PlayerEntry> load(String userId) {
    Instant now = clock.now();
    long startedAt = ++ticks;
    long epoch = trust.epoch();
    PlayerProgress known = lastCommitted.remove(userId);
    if (metrics != null) {
      metrics.loaded(known == null ? "full" : "changes");
    }
    return store
        .load(userId, known)
        .map(stored -> {
          PlayerEntry entry = new PlayerEntry(
              stored.progress(), new RecentEvents(stored.recentEventIds(), now), startedAt, epoch);
          Long announced = announcedWhileLoading.remove(userId);
          if (announced != null) {
            entry.announcedVersion = announced;
          }
          players.put(userId, entry);
          evictIdlePlayers();
          return entry;
        });
  }

  /**
   * Runs a command, and once more if it failed only because another instance had changed the
   * player: the player was dropped, so the second run works on the state read again. The first
   * run's changes were not stored and not acknowledged, so nothing is applied twice or lost.
   */
  private static <T> Future<T> onceMoreIfChanged(Supplier<Future<T>> command) {
    return command.get().recover(error -> changedElsewhere(error) ? command.get() : Future.failedFuture(error));
  }

  private static boolean changedElsewhere(Throwable error) {
    return error instanceof ChallengeException failure && failure.getCause() instanceof ChangedElsewhere;
  }

  /** Marks a write that lost the version check to another instance. */
  private static final class ChangedElsewhere extends RuntimeException {
    ChangedElsewhere(String userId) {
      super("player " + userId + " has a newer version in the database", null, false, false);
    }
  }

  private PendingWrite queue(PlayerEntry entry) {
    PendingWrite write = queued.computeIfAbsent(entry.userId, id -> new PendingWrite(entry));
    entry.lastWrite = write.done.future();
    return write;
  }

  private void scheduleFlush() {
    if (!writing && !flushScheduled) {
      flushScheduled = true;
      later.execute(() -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  private void flush() {
    if (writing || queued.isEmpty()) {
      return;
    }
    List<PendingWrite> batch = takeBatch();
    Instant now = clock.now();
    for (PendingWrite write : batch) {
      write.seal(now);
    }
    writing = true;
    write(batch).onComplete(done -> {
      writing = false;
      flush();
    });
  }

  /**
   * Writes the batch in one transaction. If it fails for a reason other than the database being
   * unavailable (a row the database refuses), each player is written on its own so that one bad
   * row does not fail the others.
   */
  private Future<Void> write(List<PendingWrite> batch) {
    List<PlayerWrite> rows = new ArrayList<>(batch.size());
    batch.forEach(write -> rows.add(write.row));
    long start = System.nanoTime();
    return store.write(new PlayerWriteBatch(rows)).transform(result -> {
      if (result.succeeded()) {
        written(batch, result.result(), start);
        return Future.succeededFuture();
      }
      if (metrics != null) {
        metrics.failed();
      }
      Throwable cause = result.cause();
      boolean unavailable = cause instanceof ChallengeException failure && failure.code() == ErrorCode.UNAVAILABLE;
      if (unavailable || batch.size() == 1) {
        LOG.warn("write of {} players failed: {}", batch.size(), cause.getMessage());
        ChallengeException failure = ChallengeException.unavailable("progress could not be saved; retry later", cause);
        batch.forEach(write -> failed(write, failure));
        return Future.succeededFuture();
      }
      LOG.warn("write of {} players refused ({}); writing them one by one", batch.size(), cause.getMessage());
      Future<Void> oneByOne = Future.succeededFuture();
      for (PendingWrite write : batch) {
        oneByOne = oneByOne.compose(done -> write(List.of(write)));
      }
      return oneByOne;
    });
  }

  private List<PendingWrite> takeBatch() {
    List<PendingWrite> batch = new ArrayList<>(Math.min(queued.size(), limits.maxBatchPlayers()));
    Iterator<PendingWrite> it = queued.values().iterator();
    while (it.hasNext() && batch.size() < limits.maxBatchPlayers()) {
      batch.add(it.next());
      it.remove();
    }
    return batch;
  }

  /**
   * The batch's transaction committed, except for players another instance had changed: those are
   * dropped and their callers run again ({@link #onceMoreIfChanged}). The others are announced to
   * the other instances before their callers hear that they are durable.
   */
  private void written(List<PendingWrite> batch, WriteResult result, long startNanos) {
    List<PlayerWrite> committed = new ArrayList<>(batch.size());
    for (PendingWrite write : batch) {
      if (result.committed(write.entry.userId)) {
        committed.add(write.row);
      }
    }
    if (metrics != null) {
      metrics.committed(committed, startNanos);
    }
    if (trust.clustered() && !committed.isEmpty()) {
      publisher.accept(committed.stream().map(row -> new PlayerChange(row.userId(), row.version())).toList());
    }
    for (PendingWrite write : batch) {
      if (result.committed(write.entry.userId)) {
        committed(write);
      } else {
        if (metrics != null) {
          metrics.conflict();
        }
        LOG.debug("player {} changed on another instance; its {} write is retried on the stored state",
            write.entry.userId, write.row.version());
        failed(write, new ChallengeException(ErrorCode.UNAVAILABLE, "player changed on another instance; retry",
            new ChangedElsewhere(write.entry.userId)));
      }
    }
  }

  private void committed(PendingWrite write) {
    PlayerEntry entry = write.entry;
    entry.committed = write.sealed;
    if (entry.lastWrite == write.done.future()) {
      entry.lastWrite = null;
    }
    pendingEvents -= write.events;
    write.done.complete();
  }

  /**
   * The database may or may not hold the player's last state now (or holds another instance's),
   * so the player is dropped from memory (reloaded on next use) and every change built on the
   * failed one fails too: the callers retry and their events are applied again to what the
   * database really holds.
   */
  private void failed(PendingWrite write, ChallengeException failure) {
    drop(write.entry);
    // detached before any caller hears of the failure: a caller that runs again queues a new write
    PendingWrite dependent = queued.get(write.entry.userId);
    if (dependent != null && dependent.entry == write.entry) {
      queued.remove(write.entry.userId);
      pendingEvents -= dependent.events;
    } else {
      dependent = null;
    }
    pendingEvents -= write.events;
    write.done.fail(failure);
    if (dependent != null) {
      dependent.done.fail(failure);
    }
  }

  /**
   * Removes a copy that may be outdated. Its committed state stays behind as the base of the next
   * load: goal rows are only ever upserted, each stamped with the version that wrote it, so that
   * state plus what was written after its version is what the database holds.
   */
  private void drop(PlayerEntry entry) {
    entry.dropped = true;
    if (players.get(entry.userId) == entry) {
      players.remove(entry.userId);
    }
    if (lastCommitted.size() >= limits.maxCachedPlayers()) {
      lastCommitted.clear(); // dropped copies nobody asked for again: forget them, loads go full
    }
    lastCommitted.put(entry.userId, entry.committed);
  }

  private void evictIdlePlayers() {
    Iterator<PlayerEntry> eldestFirst = players.values().iterator();
    while (players.size() > limits.maxCachedPlayers() && eldestFirst.hasNext()) {
      PlayerEntry entry = eldestFirst.next();
      if (entry.idle()) {
        entry.dropped = true;
        eldestFirst.remove();
      }
    }
  }

  /** One player's share of the next batch. */
  private static final class PendingWrite {
    final PlayerEntry entry;
    final Set<String> goalIds = new LinkedHashSet<>();
    final List<String> eventIds = new ArrayList<>();
    final List<ClaimGranted> claims = new ArrayList<>();
    final Promise<Void> done = Promise.promise();
    boolean initialization;
    int events;
    PlayerProgress sealed;
    PlayerWrite row;

    PendingWrite(PlayerEntry entry) {
      this.entry = entry;
    }

    /** Freezes the player's pending state as the next version and describes its rows. */
    void seal(Instant now) {
      PlayerProgress pending = entry.pending;
      sealed = new PlayerProgress(
          pending.userId(), pending.version() + 1, pending.stats(), pending.initialization(), pending.goals());
      entry.pending = sealed;
      List<GoalState> goals = new ArrayList<>(goalIds.size());
      for (String goalId : goalIds) {
        goals.add(sealed.goals().get(goalId));
      }
      row = new PlayerWrite(
          sealed.userId(), pending.version(), sealed.version(), sealed.stats(),
          initialization ? sealed.initialization() : null, goals, eventIds, now, claims);
    }
  }
}
