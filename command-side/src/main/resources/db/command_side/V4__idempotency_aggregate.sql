-- The aggregate a keyed command's events went to, so that a retry can check they are in the event store: on
-- Axon Server the events are committed there after this record is committed in PostgreSQL.
ALTER TABLE idempotency_key ADD COLUMN aggregate_id VARCHAR(255);
