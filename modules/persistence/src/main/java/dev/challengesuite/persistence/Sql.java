package dev.challengesuite.persistence;

/**
 * Every SQL statement of the module. Writes take whole columns as arrays ({@code UNNEST}), so a
 * batch of any size is one statement per table; rows are read by column name.
 */
final class Sql {

  private Sql() {}

  // ---- migrations --------------------------------------------------------------------------

  /** Session-level lock held by the migration run; a second instance waits here. */
  static final String MIGRATIONS_LOCK = "SELECT pg_advisory_lock($1)";

  static final String MIGRATIONS_UNLOCK = "SELECT pg_advisory_unlock($1)";

  /** Asked first (under the lock), as CREATE TABLE IF NOT EXISTS logs a notice at every start. */
  static final String MIGRATIONS_TABLE_EXISTS =
      "SELECT to_regclass('schema_migrations') IS NOT NULL AS present";

  static final String MIGRATIONS_TABLE = """
      CREATE TABLE schema_migrations (
        version     integer     PRIMARY KEY,
        description text        NOT NULL,
        checksum    text        NOT NULL,
        applied_at  timestamptz NOT NULL
      )""";

  static final String MIGRATIONS_APPLIED = """
      SELECT version, checksum FROM schema_migrations ORDER BY version""";

  static final String MIGRATION_RECORD = """
      INSERT INTO schema_migrations (version, description, checksum, applied_at)
      VALUES ($1, $2, $3, now())""";

  // ---- reads ---------------------------------------------------------------------------------

  /**
   * One player in one round trip, always exactly one row: the player columns (null when the player
   * has no row), its goal rows as parallel arrays (null when none; every array_agg of one query
   * level sees the rows in the same order), its default goal set's ids unless the caller already
   * knows that set ({@code $3}), and the ids of its events received since {@code $2}.
   *
   * <p>{@code $4} is the version of a copy the caller holds (-1: none): only goal rows written by
   * a later version are returned, and none at all when no write since changed a goal row
   * ({@code goals_version}). Goal rows are only ever upserted, so the copy's rows plus these are
   * the stored ones.
   */
  static final String LOAD_PLAYER = """
      SELECT p.version, p.seq, p.login_count, p.stats, p.crossings,
             p.initialized_at, p.init_seq, p.init_login_count, p.default_set_id,
             s.goal_ids AS default_set_goal_ids,
             g.goal_ids, g.goal_challenge_ids, g.goal_active, g.goal_statuses, g.goal_progress,
             g.goal_seqs, g.goal_login_bases, g.goal_baselines, g.goal_assigned_at,
             g.goal_completed_at, g.goal_claimed_at, g.goal_expires_at, g.goal_updated_at,
             r.recent_event_ids
      FROM (SELECT $1::text AS user_id) AS k
      LEFT JOIN player AS p ON p.user_id = k.user_id
      LEFT JOIN default_goal_set AS s ON s.id = p.default_set_id AND s.id <> ALL ($3::text[])
      CROSS JOIN LATERAL (
        SELECT array_agg(goal_id)      AS goal_ids,
               array_agg(challenge_id) AS goal_challenge_ids,
               array_agg(is_active)    AS goal_active,
               array_agg(status)       AS goal_statuses,
               array_agg(progress)     AS goal_progress,
               array_agg(seq)          AS goal_seqs,
               array_agg(login_base)   AS goal_login_bases,
               array_agg(baseline)     AS goal_baselines,
               array_agg(assigned_at)  AS goal_assigned_at,
               array_agg(completed_at) AS goal_completed_at,
               array_agg(claimed_at)   AS goal_claimed_at,
               array_agg(expires_at)   AS goal_expires_at,
               array_agg(updated_at)   AS goal_updated_at
        FROM player_goal
        WHERE player_goal.user_id = k.user_id AND p.goals_version > $4
          AND player_goal.version > $4) AS g
      CROSS JOIN LATERAL (
        SELECT array_agg(event_id) AS recent_event_ids
        FROM event_receipt
        WHERE event_receipt.user_id = k.user_id AND event_receipt.received_at >= $2) AS r""";

  static final String PING = "SELECT 1";

  // ---- writes --------------------------------------------------------------------------------

  static final String INSERT_DEFAULT_SET = """
      INSERT INTO default_goal_set (id, goal_ids) VALUES ($1, $2::text[])
      ON CONFLICT (id) DO NOTHING""";

  /**
   * One write batch in one statement, so that a player's rows are stored only if its row is:
   *
   * <ul>
   *   <li>{@code written}: whole player rows ($1–$10), each applied only if the stored version is
   *       the one the change was computed from (optimistic concurrency between instances; a write
   *       advances the version by exactly one, so the expected version is {@code version - 1}; a
   *       new player, expected version 0, never overwrites a row another instance inserted). The
   *       initialization columns are only set by the write that records the first initialize
   *       (null elsewhere means "unchanged", hence COALESCE). {@code goals_version} ($34) is the
   *       write's version when it carries goal rows, else 0 (unchanged, hence GREATEST). The
   *       crossings ($35) are written whole, like the stats. Rows are sent sorted by user id, so
   *       concurrent batches lock player rows in the same order.
   *   <li>goal rows ($11–$24, insert or replace, stamped with the player's new version), event receipts ($25–$27; a conflict means an
   *       event id came back after its window had passed: its receipt takes the new time so that
   *       the next window covers it again) and granted claims ($28–$33: pending → granted; a row
   *       no longer pending with that claim id, settled meanwhile, is skipped): only for players
   *       in {@code written}. Empty arrays when the batch has none.
   * </ul>
   *
   * Returns the user ids written; the others conflicted and nothing of theirs was stored.
   */
  static final String WRITE_PLAYERS = """
      WITH written AS (
        INSERT INTO player AS p (user_id, version, seq, login_count, stats, initialized_at,
                                 init_seq, init_login_count, default_set_id, updated_at,
                                 goals_version, crossings)
        SELECT u.user_id, u.version, u.seq, u.login_count, u.stats::jsonb, u.initialized_at,
               u.init_seq, u.init_login_count, u.default_set_id, u.updated_at, u.goals_version,
               u.crossings::jsonb
        FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[],
                    $6::timestamptz[], $7::bigint[], $8::integer[], $9::text[], $10::timestamptz[],
                    $34::bigint[], $35::text[])
             AS u(user_id, version, seq, login_count, stats, initialized_at,
                  init_seq, init_login_count, default_set_id, updated_at, goals_version,
                  crossings)
        ON CONFLICT (user_id) DO UPDATE SET
          version          = EXCLUDED.version,
          seq              = EXCLUDED.seq,
          login_count      = EXCLUDED.login_count,
          stats            = EXCLUDED.stats,
          crossings        = EXCLUDED.crossings,
          initialized_at   = COALESCE(EXCLUDED.initialized_at, p.initialized_at),
          init_seq         = COALESCE(EXCLUDED.init_seq, p.init_seq),
          init_login_count = COALESCE(EXCLUDED.init_login_count, p.init_login_count),
          default_set_id   = COALESCE(EXCLUDED.default_set_id, p.default_set_id),
          updated_at       = EXCLUDED.updated_at,
          goals_version    = GREATEST(EXCLUDED.goals_version, p.goals_version)
        WHERE p.version = EXCLUDED.version - 1
        RETURNING p.user_id, p.version
      ), goals AS (
        INSERT INTO player_goal AS g (user_id, goal_id, challenge_id, is_active, status, progress,
                                      seq, login_base, baseline, assigned_at, completed_at,
                                      claimed_at, expires_at, updated_at, version)
        SELECT u.*, w.version
        FROM unnest($11::text[], $12::text[], $13::text[], $14::boolean[], $15::text[],
                    $16::integer[], $17::bigint[], $18::integer[], $19::integer[],
                    $20::timestamptz[], $21::timestamptz[], $22::timestamptz[],
                    $23::timestamptz[], $24::timestamptz[])
             AS u(user_id, goal_id, challenge_id, is_active, status, progress, seq, login_base,
                  baseline, assigned_at, completed_at, claimed_at, expires_at, updated_at)
        JOIN written AS w ON w.user_id = u.user_id
        ON CONFLICT (user_id, goal_id) DO UPDATE SET
          challenge_id = EXCLUDED.challenge_id,
          is_active    = EXCLUDED.is_active,
          status       = EXCLUDED.status,
          progress     = EXCLUDED.progress,
          seq          = EXCLUDED.seq,
          login_base   = EXCLUDED.login_base,
          baseline     = EXCLUDED.baseline,
          assigned_at  = EXCLUDED.assigned_at,
          completed_at = EXCLUDED.completed_at,
          claimed_at   = EXCLUDED.claimed_at,
          expires_at   = EXCLUDED.expires_at,
          updated_at   = EXCLUDED.updated_at,
          version      = EXCLUDED.version
      ), receipts AS (
        INSERT INTO event_receipt AS r (user_id, event_id, received_at)
        SELECT u.*
        FROM unnest($25::text[], $26::text[], $27::timestamptz[]) AS u(user_id, event_id, received_at)
        WHERE u.user_id IN (SELECT user_id FROM written)
        ON CONFLICT (user_id, event_id) DO UPDATE SET received_at = EXCLUDED.received_at
          WHERE r.received_at < EXCLUDED.received_at
      ), claims AS (
        UPDATE reward_claim AS c
        SET state = 'granted', verified = u.verified, granted_at = u.at, updated_at = u.at
        FROM unnest($28::text[], $29::text[], $30::text[], $31::text[], $32::boolean[],
                    $33::timestamptz[]) AS u(user_id, goal_id, period_key, claim_id, verified, at)
        WHERE c.user_id = u.user_id AND c.goal_id = u.goal_id AND c.period_key = u.period_key
          AND c.claim_id = u.claim_id AND c.state = 'pending'
          AND u.user_id IN (SELECT user_id FROM written)
      )
      SELECT user_id FROM written""";

  /** At most {@code $2} receipts older than {@code $1}: short statements, short locks. */
  static final String PURGE_RECEIPTS = """
      DELETE FROM event_receipt
      WHERE ctid = ANY (ARRAY(
              SELECT ctid FROM event_receipt WHERE received_at < $1 LIMIT $2))
        AND received_at < $1""";

  // ---- reward claims (docs/claims.md) ------------------------------------------------------

  /**
   * Makes the claim pending and returns it when this statement owns the grant: a new row, or a
   * failed one retried (one more attempt, a new claim id). Any other existing row is left as it
   * is and nothing is returned. The row lock lasts this statement only.
   */
  static final String BEGIN_CLAIM = """
      INSERT INTO reward_claim AS c (user_id, goal_id, period_key, claim_id, state, reward_type,
                                     reward_id, quantity, attempts, verified, created_at,
                                     updated_at)
      VALUES ($1, $2, $3, $4::text || ':1', 'pending', $5, $6, $7, 1, false, $8, $8)
      ON CONFLICT (user_id, goal_id, period_key) DO UPDATE SET
        state       = 'pending',
        attempts    = c.attempts + 1,
        claim_id    = $4::text || ':' || (c.attempts + 1),
        reward_type = EXCLUDED.reward_type,
        reward_id   = EXCLUDED.reward_id,
        quantity    = EXCLUDED.quantity,
        updated_at  = EXCLUDED.updated_at
      WHERE c.state = 'failed'
      RETURNING claim_id, state, attempts, verified, updated_at, granted_at""";

  static final String READ_CLAIM = """
      SELECT claim_id, state, attempts, verified, updated_at, granted_at
      FROM reward_claim
      WHERE user_id = $1 AND goal_id = $2 AND period_key = $3""";

  /** The grant sent with claim id $4 certainly failed: pending → failed. */
  static final String FAIL_CLAIM = """
      UPDATE reward_claim SET state = 'failed', updated_at = $5
      WHERE user_id = $1 AND goal_id = $2 AND period_key = $3 AND claim_id = $4
        AND state = 'pending'""";

}
