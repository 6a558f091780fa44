-- OPTIONAL, OFFLINE: hash-partition player_goal (and, if asked, player) by user_id.
--
-- Not a migration: the service never runs this file. Read docs/scaling.md ("Hash partitioning")
-- first; it pays only for very large tables. It rewrites the tables, so:
--   1. stop every instance of the service (the script refuses while one is connected);
--   2. back the tables up (pg_dump -t player_goal -t player ...);
--   3. run it as the role that owns the tables (the service's database user):
--        psql -v ON_ERROR_STOP=1 -h HOST -U USER -d challenge_service \
--             -v partitions=16 -v partition_player=off -f deploy/postgres/partition-by-user.sql
--      partitions: how many hash partitions per table (default 16);
--      partition_player: on to partition the player table too (default off).
--   4. start the service again; nothing in it changes (the primary keys start with user_id, so
--      every statement keeps working and each player's rows live in one partition).
-- Everything happens in one transaction: on any error nothing has changed.
-- Needs PostgreSQL 11 or newer (hash partitions, ON CONFLICT on partitioned tables).

\set ON_ERROR_STOP on
\if :{?partitions}
\else
  \set partitions 16
\endif
\if :{?partition_player}
\else
  \set partition_player off
\endif

BEGIN;

SELECT set_config('challenge_suite.partitions', :'partitions', true);

-- The service's pool names its connections 'challenge-suite' (PgPools).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'challenge-suite') THEN
    RAISE EXCEPTION 'instances of the service are connected to database %: stop all of them first',
      current_database();
  END IF;
END
$$;

-- Copies one table into a new table of the same name, hash-partitioned by user_id, then drops
-- the original. Columns, defaults, checks, indexes and comments follow the table as migrated, so
-- a later migration's column is carried along; triggers and foreign keys would not be, so a
-- table that has any is refused rather than silently changed.
CREATE FUNCTION pg_temp.partition_by_user(name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  partitions integer := current_setting('challenge_suite.partitions')::integer;
  original   regclass := to_regclass(name);
  old_name   text := name || '_unpartitioned';
  storage    text;
  copied     bigint;
  index_name text;
BEGIN
  IF original IS NULL THEN
    RAISE EXCEPTION 'table % does not exist: start the service once so that it migrates the schema', name;
  END IF;
  IF (SELECT relkind FROM pg_class WHERE oid = original) = 'p' THEN
    RAISE EXCEPTION 'table % is already partitioned', name;
  END IF;
  IF partitions < 2 OR partitions > 256 THEN
    RAISE EXCEPTION 'partitions must be between 2 and 256 (got %)', partitions;
  END IF;
  IF (SELECT relowner FROM pg_class WHERE oid = original) <> (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'run this as the owner of % (%), so that the new tables have the same owner',
      name, (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = original);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = original AND NOT tgisinternal)
     OR EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND (conrelid = original OR confrelid = original)) THEN
    RAISE EXCEPTION 'table % has triggers or foreign keys, which this script does not carry over', name;
  END IF;

  EXECUTE format('LOCK TABLE %I IN ACCESS EXCLUSIVE MODE', name);
  SELECT coalesce(' WITH (' || array_to_string(reloptions, ', ') || ')', '') INTO storage
    FROM pg_class WHERE oid = original;  -- e.g. player's fillfactor, set on each partition

  EXECUTE format('ALTER TABLE %I RENAME TO %I', name, old_name);
  -- Free the index names (player_goal_pkey, ...) for the new table.
  FOR index_name IN SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                     WHERE x.indrelid = original LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', index_name, index_name || '_old');
  END LOOP;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING ALL) PARTITION BY HASH (user_id)', name, old_name);
  FOR remainder IN 0 .. partitions - 1 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS %s, REMAINDER %s)%s',
      name || '_p' || lpad(remainder::text, 3, '0'), name, partitions, remainder, storage);
  END LOOP;
  EXECUTE format('INSERT INTO %I SELECT * FROM %I', name, old_name);
  GET DIAGNOSTICS copied = ROW_COUNT;
  EXECUTE format('DROP TABLE %I', old_name);
  EXECUTE format('COMMENT ON TABLE %I IS %L', name,
    format('hash-partitioned by user_id into %s (deploy/postgres/partition-by-user.sql)', partitions));
  RAISE NOTICE '% now has % hash partitions (% rows copied)', name, partitions, copied;
END
$$;

SELECT pg_temp.partition_by_user('player_goal');
\if :partition_player
SELECT pg_temp.partition_by_user('player');
\endif

COMMIT;

-- Statistics and the visibility map for the new partitions (outside the transaction).
VACUUM (ANALYZE) player_goal;
\if :partition_player
VACUUM (ANALYZE) player;
\endif
