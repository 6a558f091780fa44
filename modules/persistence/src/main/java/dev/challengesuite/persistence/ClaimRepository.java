package dev.challengesuite.persistence;

import dev.challengesuite.common.store.BeginClaim;
import dev.challengesuite.common.store.ClaimRecord;
import dev.challengesuite.common.store.ClaimStart;
import dev.challengesuite.common.store.ClaimState;
import dev.challengesuite.common.store.FailClaim;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The {@code reward_claim} rows outside write batches: starting a claim's grant and recording that
 * a grant failed. Each is one statement in its own transaction; no lock outlives it. (Granting is
 * part of the player's write batch: {@link PlayerRepository#write}.)
 */
public final class ClaimRepository {

  /** A row that turns failed, or disappears, between the upsert and the read is retried. */
  static final int BEGIN_TRIES = 3;

  private final Pool pool;

  public ClaimRepository(Pool pool) {
    this.pool = pool;
  }

  /** Makes the claim pending if it is new or failed (then the caller owns the grant). */
  public Future<ClaimStart> begin(BeginClaim claim) {
    return begin(claim, BEGIN_TRIES).recover(DatabaseFailures::failed);
  }

  /** Records that the grant sent with {@code claim.claimId()} certainly failed. */
  public Future<Boolean> fail(FailClaim claim) {
    Tuple params = Tuple.of(claim.userId(), claim.goalId(), claim.periodKey(), claim.claimId(),
        utc(claim.at()));
    return pool.preparedQuery(Sql.FAIL_CLAIM).execute(params)
        .map(result -> result.rowCount() == 1)
        .recover(DatabaseFailures::failed);
  }

  private Future<ClaimStart> begin(BeginClaim claim, int triesLeft) {
    Tuple params = Tuple.of(claim.userId(), claim.goalId(), claim.periodKey(),
        claim.claimIdPrefix(), claim.reward().type().name(), claim.reward().rewardId(),
        claim.reward().quantity(), utc(claim.at()));
    return pool.preparedQuery(Sql.BEGIN_CLAIM).execute(params).compose(owned -> {
      if (owned.size() == 1) {
        return Future.succeededFuture(new ClaimStart(true, record(owned.iterator().next())));
      }
      return pool.preparedQuery(Sql.READ_CLAIM)
          .execute(Tuple.of(claim.userId(), claim.goalId(), claim.periodKey()))
          .compose(existing -> existingOrRetry(claim, existing, triesLeft));
    });
  }

  private Future<ClaimStart> existingOrRetry(BeginClaim claim, RowSet<Row> existing, int triesLeft) {
    ClaimRecord record = existing.size() == 1 ? record(existing.iterator().next()) : null;
    boolean settled = record != null && record.state() != ClaimState.FAILED;
    if (settled || (record != null && triesLeft <= 1)) {
      return Future.succeededFuture(new ClaimStart(false, record));
    }
    if (triesLeft <= 1) {
      return Future.failedFuture(new IllegalStateException("reward claim of " + claim.userId()
          + "/" + claim.goalId() + " keeps disappearing"));
    }
    return begin(claim, triesLeft - 1);
  }

  private static ClaimRecord record(Row row) {
    OffsetDateTime grantedAt = row.getOffsetDateTime("granted_at");
    return new ClaimRecord(
        row.getString("claim_id"),
        ClaimState.fromWire(row.getString("state")),
        row.getInteger("attempts"),
        row.getBoolean("verified"),
        row.getOffsetDateTime("updated_at").toInstant(),
        grantedAt == null ? null : grantedAt.toInstant());
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
