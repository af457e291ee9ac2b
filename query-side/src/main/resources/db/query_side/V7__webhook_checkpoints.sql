-- Signed checkpoints of the audit log go to webhooks too (CloudEvents type ledger.audit.checkpoint.v1), so that
-- every integration becomes a witness that keeps copies (docs/audit.md §6, docs/api.md "Integrations").
--
-- checkpoint_tree_size is a subscription's durable cursor over query_side.audit_checkpoint: the tree size of the
-- last checkpoint delivered, -1 for none; the checkpoints above it are pending. A new subscription starts just
-- below the latest checkpoint existing when it subscribes, so it receives that one first and then every later one;
-- the subscriptions existing now start the same way.
ALTER TABLE webhook_subscription ADD COLUMN checkpoint_tree_size BIGINT NOT NULL DEFAULT -1;

UPDATE webhook_subscription
SET checkpoint_tree_size = COALESCE((SELECT max(tree_size) - 1 FROM audit_checkpoint), -1);

-- The fingerprint of each key that signed a checkpoint, learnt from the CheckpointSigned announcements, so that a
-- checkpoint read back from audit_checkpoint (which holds only the note) is delivered with its key's fingerprint,
-- also after a restart. key_hint = '<key name>+<8 hex digits of key id>', as on the note's signature line and at the
-- start of the verifier key text.
CREATE TABLE checkpoint_signing_key (
    key_hint    TEXT        PRIMARY KEY,
    fingerprint TEXT        NOT NULL,
    learnt_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
