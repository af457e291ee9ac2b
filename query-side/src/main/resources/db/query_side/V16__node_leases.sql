-- Work that must run on one query-side node at a time (webhook delivery and checkpoint signing) is done by the
-- node that holds its lease. A node takes a lease that is free or expired and renews it while it works; a node
-- that dies stops renewing, and another takes the lease once it has expired. Times are the database's, so the
-- nodes' clocks need not agree.
CREATE TABLE node_lease (
    name       TEXT        PRIMARY KEY,
    owner      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
