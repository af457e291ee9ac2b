-- The access log (issue 19, docs/operations.md): every request to a sensitive read (an export, an audit pack, the
-- dead letters, this log itself) by an authenticated caller, recorded before the answer starts and completed when it
-- ends. Read by ADMIN at GET /api/admin/access-log. Not a read model: nothing rebuilds it from the event store.
--
-- status, bytes and duration_ms stay null until the answer is complete (null for good: the service stopped while
-- it was being sent); bytes is null too when the body's size could not be counted.
CREATE TABLE access_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at    TIMESTAMPTZ NOT NULL,
    user_name      TEXT        NOT NULL,
    roles          TEXT[]      NOT NULL,
    method         TEXT        NOT NULL,
    path           TEXT        NOT NULL,
    query          TEXT,
    partnership_id TEXT,
    remote_address TEXT,
    request_id     TEXT,
    status         INTEGER,
    bytes          BIGINT,
    duration_ms    BIGINT
);

CREATE INDEX access_log_time ON access_log (accessed_at, id);
CREATE INDEX access_log_user_time ON access_log (user_name, accessed_at, id);
