-- Incremental reloads (docs/scaling-coherence.md): an instance whose copy of a player another
-- instance has changed reads the player row and only the goal rows written after the version it
-- holds, instead of all of them.
--
-- player.goals_version: the version of the last write that changed any of the player's goal rows
-- (0: none since this column exists). player_goal.version: the player version that wrote the row
-- (0: written before this column existed). Neither is indexed: goals_version lets a refresh skip
-- the goal rows altogether when none changed, and the filter on version runs over the primary
-- key's range of one player. Adding a column with a constant default rewrites no table.
ALTER TABLE player ADD COLUMN goals_version bigint NOT NULL DEFAULT 0;
ALTER TABLE player_goal ADD COLUMN version bigint NOT NULL DEFAULT 0;
