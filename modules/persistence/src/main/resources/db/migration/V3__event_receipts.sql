-- Ids of applied events, kept for the duplicate-detection window and then purged in chunks.
CREATE TABLE event_receipt (
  user_id     text        NOT NULL,
  event_id    text        NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, event_id)
);

-- For the purge (received_at < cutoff); loads use the primary key.
CREATE INDEX event_receipt_received_at ON event_receipt (received_at);
