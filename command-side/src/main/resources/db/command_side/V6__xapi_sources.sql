-- LRS endpoints the ledger pulls statements from. Credentials live here only (never in events, logs or answers).
CREATE TABLE xapi_source (
    name            VARCHAR(100) PRIMARY KEY,
    endpoint        TEXT         NOT NULL,
    username        TEXT,
    password        TEXT,
    -- the query sent each time: activity, verb, related_activities
    activity        TEXT,
    verb            TEXT,
    related_activities BOOLEAN   NOT NULL DEFAULT FALSE,
    -- the durable cursor: statements stored after this instant are asked for next, unless a page is pending
    since           TIMESTAMPTZ,
    more_url        TEXT,
    last_poll_at    TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    failures        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    received        BIGINT       NOT NULL DEFAULT 0,
    rejected        BIGINT       NOT NULL DEFAULT 0
);
