-- The default goals an initialize assigned, stored once for every player initialised with the
-- same catalog defaults (id = sha256 of the sorted goal ids). Written once, read once per process.
CREATE TABLE default_goal_set (
  id       text   PRIMARY KEY,
  goal_ids text[] NOT NULL
);

-- One counters row per player, rewritten by every applied event (docs/architecture.md, "Storage
-- model"). Only the primary key is indexed, so these updates can stay HOT (heap-only, no index
-- write); fillfactor keeps free room on each page for the new row versions.
--
-- default_set_id has no foreign key on purpose: every new player would take a KEY SHARE lock on
-- the one shared default_goal_set row (multixact churn under concurrent writes). The writer
-- inserts the set in the same transaction as the first player that references it.
CREATE TABLE player (
  user_id          text        PRIMARY KEY,
  version          bigint      NOT NULL,
  seq              bigint      NOT NULL,
  login_count      integer     NOT NULL,
  stats            jsonb       NOT NULL,  -- {"<statCode>": [value, seq], ...}
  initialized_at   timestamptz,
  init_seq         bigint,
  init_login_count integer,
  default_set_id   text,
  updated_at       timestamptz NOT NULL,
  CONSTRAINT player_initialization_whole
    CHECK (num_nulls(initialized_at, init_seq, init_login_count, default_set_id) IN (0, 4))
) WITH (fillfactor = 80);
