package dev.challengesuite.cache.player;

import dev.challengesuite.common.store.PlayerWrite;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a partition's write pipeline does: batch sizes, time to commit, rows written by table,
 * events waiting to become durable and players held in memory; and how reward claims end.
 */
final class PartitionMetrics {

  private final DistributionSummary batchPlayers;
  private final Timer flush;
  private final Counter playerRows;
  private final Counter goalRows;
  private final Counter receiptRows;
  private final Counter claimRows;
  private final Counter failedBatches;
  private final MeterRegistry registry;
  private final String partition;
  private final Counter unverifiedClaims;
  private final Counter conflicts;
  private final Counter invalidated;

  PartitionMetrics(MeterRegistry registry, int partition, PlayerPartition players) {
    String tag = String.valueOf(partition);
    this.registry = registry;
    this.partition = tag;
    batchPlayers = DistributionSummary.builder("challenge.write.batch.players")
        .description("Players per committed write batch").tag("partition", tag).register(registry);
    flush = Timer.builder("challenge.write.flush")
        .description("Time to commit one write batch").tag("partition", tag)
        .publishPercentileHistogram().register(registry);
    playerRows = rows(registry, tag, "player");
    goalRows = rows(registry, tag, "player_goal");
    receiptRows = rows(registry, tag, "event_receipt");
    claimRows = rows(registry, tag, "reward_claim");
    unverifiedClaims = Counter.builder("challenge.claims.unverified")
        .description("Claims settled as granted without an answer from the reward service "
            + "(pending past the expiry): reconcile with the platform by claim id")
        .tag("partition", tag).register(registry);
    conflicts = Counter.builder("challenge.write.conflicts")
        .description("Player writes not stored because another instance had changed the player first"
            + " (their commands ran again on the stored state)")
        .tag("partition", tag).register(registry);
    invalidated = Counter.builder("challenge.players.invalidated")
        .description("Players dropped from memory because another instance announced a newer version")
        .tag("partition", tag).register(registry);
    failedBatches = Counter.builder("challenge.write.failures")
        .description("Write batches that failed").tag("partition", tag).register(registry);
    Gauge.builder("challenge.events.pending", players, PlayerPartition::pendingEvents)
        .description("Accepted events not yet durable").tag("partition", tag).register(registry);
    Gauge.builder("challenge.players.cached", players, PlayerPartition::cachedPlayers)
        .description("Players held in memory").tag("partition", tag).register(registry);
  }

  private static Counter rows(MeterRegistry registry, String partition, String table) {
    return Counter.builder("challenge.write.rows")
        .description("Rows written").tags("partition", partition, "table", table).register(registry);
  }

  void committed(List<PlayerWrite> rows, long startNanos) {
    flush.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    batchPlayers.record(rows.size());
    playerRows.increment(rows.size());
    long goals = 0;
    long receipts = 0;
    long claims = 0;
    for (PlayerWrite row : rows) {
      goals += row.goals().size();
      receipts += row.eventIds().size();
      claims += row.claims().size();
    }
    goalRows.increment(goals);
    receiptRows.increment(receipts);
    claimRows.increment(claims);
  }

  /** A claim ended: granted, grant_failed or outcome_unknown. */
  void claim(String outcome) {
    Counter.builder("challenge.claims").description("Reward claims by how their grant ended")
        .tags("partition", partition, "outcome", outcome).register(registry).increment();
  }

  void claimSettledUnverified() {
    unverifiedClaims.increment();
  }

  void conflict() {
    conflicts.increment();
  }

  void invalidated() {
    invalidated.increment();
  }

  /**
   * A player held in memory was read again: "fresh" for a command that must decide on the stored
   * state, "untrusted" while the change feed does not vouch for the copy.
   */
  void reread(String reason) {
    Counter.builder("challenge.players.reread")
        .description("Players read again from the database although held in memory, by reason")
        .tags("partition", partition, "reason", reason).register(registry).increment();
  }

  /** A player load started: "full", or "changes" (only what was written after a copy it held). */
  void loaded(String kind) {
    Counter.builder("challenge.players.loads")
        .description("Player loads from the database: full, or only the changes since a copy held")
        .tags("partition", partition, "kind", kind).register(registry).increment();
  }

  void failed() {
    failedBatches.increment();
  }
}
