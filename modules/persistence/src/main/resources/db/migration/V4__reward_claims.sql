-- One row per (player, goal, rotation period) whose reward was claimed: the primary key is the
-- at-most-once guarantee, across partitions, instances and restarts (docs/claims.md).
--
--   (insert) --> pending --granted / settled--> granted   (final)
--                  |  ^
--     certainly    |  | retried claim (attempts + 1)
--     not granted  v  |
--                 failed
--
-- A grant is sent only by the caller whose statement inserted the row or moved it from failed to
-- pending; the trigger below refuses every other transition, so a granted row can never lead to
-- a second grant, whatever the code does.
CREATE TABLE reward_claim (
  user_id     text        NOT NULL,
  goal_id     text        NOT NULL,
  -- '' for goals that do not rotate, else the start of the claimed rotation period (ISO-8601 UTC)
  period_key  text        NOT NULL,
  -- sent to AGS with the grant (entitlement metadata / credit reason): <user>:<goal>:<period>:<attempt>
  claim_id    text        NOT NULL,
  state       text        NOT NULL,
  -- what is (being) granted, as the catalog said when the attempt started
  reward_type text        NOT NULL,
  reward_id   text        NOT NULL,
  quantity    integer     NOT NULL,
  -- grants sent for this claim (each after the previous one certainly failed)
  attempts    integer     NOT NULL,
  -- the reward service confirmed the grant; false when a pending claim was settled without an
  -- answer: reconcile those with AGS by claim_id
  verified    boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  -- the last transition; for a pending row, when its grant was sent
  updated_at  timestamptz NOT NULL,
  granted_at  timestamptz,
  PRIMARY KEY (user_id, goal_id, period_key),
  CONSTRAINT reward_claim_state_known CHECK (state IN ('pending', 'granted', 'failed')),
  CONSTRAINT reward_claim_granted_at_iff_granted CHECK ((state = 'granted') = (granted_at IS NOT NULL)),
  CONSTRAINT reward_claim_verified_only_granted CHECK (NOT verified OR state = 'granted'),
  CONSTRAINT reward_claim_attempts_positive CHECK (attempts >= 1)
);

CREATE FUNCTION reward_claim_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id = OLD.user_id AND NEW.goal_id = OLD.goal_id AND NEW.period_key = OLD.period_key
     AND ((OLD.state = 'pending' AND NEW.state IN ('granted', 'failed')
           AND NEW.attempts = OLD.attempts AND NEW.claim_id = OLD.claim_id)
          OR (OLD.state = 'failed' AND NEW.state = 'pending' AND NEW.attempts = OLD.attempts + 1)) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'reward_claim (%, %, %): % -> % is not a claim transition',
    OLD.user_id, OLD.goal_id, OLD.period_key, OLD.state, NEW.state
    USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER reward_claim_transitions BEFORE UPDATE ON reward_claim
  FOR EACH ROW EXECUTE FUNCTION reward_claim_transition();
