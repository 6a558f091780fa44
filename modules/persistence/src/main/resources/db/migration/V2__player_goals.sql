-- Goal rows are written only on state changes (assignment, activation, baseline capture,
-- completion, claim, rotation reset), never per event. The primary key serves the only read
-- (all goals of one player); no other index, each one would cost every write.
CREATE TABLE player_goal (
  user_id      text        NOT NULL,
  goal_id      text        NOT NULL,
  challenge_id text        NOT NULL,
  is_active    boolean     NOT NULL,
  status       text        NOT NULL,
  progress     integer     NOT NULL,
  seq          bigint      NOT NULL,
  login_base   integer     NOT NULL,
  baseline     integer,
  assigned_at  timestamptz,
  completed_at timestamptz,
  claimed_at   timestamptz,
  expires_at   timestamptz,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, goal_id),
  CONSTRAINT player_goal_status_known
    CHECK (status IN ('not_started', 'in_progress', 'completed', 'claimed')),
  CONSTRAINT player_goal_claimed_implies_completed
    CHECK (claimed_at IS NULL OR completed_at IS NOT NULL)
);
