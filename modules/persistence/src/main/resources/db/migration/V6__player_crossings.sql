-- Per counter (stat code, or '' for the logins since the first initialize), the events that first
-- reached targets of absolute goals that do not rotate: {"<counter>": [[value, seq, epochMillis],
-- ...], ...}, oldest first. Implicit default goals derive their completion from these instead of
-- writing a player_goal row (docs/architecture.md, "Storage model"). Rows written before this
-- migration have none; their completions were written as goal rows. A constant default does not
-- rewrite the table.
ALTER TABLE player ADD COLUMN crossings jsonb NOT NULL DEFAULT '{}';
