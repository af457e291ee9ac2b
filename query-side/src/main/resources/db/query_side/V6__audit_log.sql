-- The audit log (issue 16, docs/audit.md): one leaf per event, appended after the event commits, in the order the
-- audit-log processor receives events, with no gaps; and every signed checkpoint of the tree.
--
-- aggregate_id and sequence_number repeat what the leaf commits to, so the log can say which events of an
-- aggregate it holds even after they were deleted from the store.
-- audit_leaf is append-only and never rebuilt: a leaf's log index is part of every proof handed out. The salts
-- commit the event's personal fields (payload, actor, reason); erasing a field later means deleting its value in
-- the store and its salt here, which leaves the leaf hash and every proof valid.

CREATE TABLE audit_leaf (
    log_index    BIGINT       PRIMARY KEY,
    event_id     VARCHAR(255) NOT NULL,
    global_index BIGINT       NOT NULL,
    aggregate_id VARCHAR(255),
    sequence_number BIGINT,
    leaf_hash    BYTEA        NOT NULL,
    payload_salt BYTEA,
    actor_salt   BYTEA,
    reason_salt  BYTEA,
    logged_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT audit_leaf_event UNIQUE (event_id),
    CONSTRAINT audit_leaf_hash_length CHECK (octet_length(leaf_hash) = 32)
);

CREATE INDEX audit_leaf_global_index ON audit_leaf (global_index);
-- an audit pack asks how many events of an aggregate the log holds, so that events deleted from the store show
CREATE INDEX audit_leaf_aggregate ON audit_leaf (aggregate_id, sequence_number);

-- Every checkpoint ever signed, so that anyone can list them and a kept one can be proven consistent later.
CREATE TABLE audit_checkpoint (
    tree_size BIGINT      PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL
);
