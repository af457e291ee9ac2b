-- Learning records (xAPI statements) the ledger accepted, as received plus what an LRS adds (stored, authority,
-- version). The only place personal data of learners is kept (actors' mboxes, names, accounts): events carry
-- statement ids and aggregates. Erasure (POST /api/xapi/erasures) replaces an agent's identity in every statement
-- that names it, keeping the id, the content hash and the figures computed from it.
CREATE TABLE xapi_statement (
    statement_id   UUID PRIMARY KEY,
    statement      JSONB        NOT NULL,
    -- sha-256 of the statement as first received (canonical JSON, without stored, authority and version): the
    -- idempotency check, kept through an erasure
    content_hash   VARCHAR(64)  NOT NULL,
    stored         TIMESTAMPTZ  NOT NULL,
    verb_id        TEXT         NOT NULL,
    -- the actor's identifier (personal data), for erasure; NULL once erased
    actor_key      TEXT,
    voided         BOOLEAN      NOT NULL DEFAULT FALSE,
    voided_by      UUID,
    -- the statement this one voids, when it is a voiding statement
    voids          UUID,
    -- the program it mapped to when accepted; NULL: no program's mapping names it (counted as unmapped)
    program_id     VARCHAR(255),
    -- where it came from: "push", or the name of the LRS source it was pulled from
    received_from  VARCHAR(100) NOT NULL,
    erased_at      TIMESTAMPTZ
);
CREATE INDEX xapi_statement_unmapped ON xapi_statement (stored) WHERE program_id IS NULL;
CREATE INDEX xapi_statement_actor ON xapi_statement (actor_key) WHERE actor_key IS NOT NULL;

-- Which bucket each statement counts in: one per matching rule of its program.
CREATE TABLE xapi_bucket_statement (
    bucket_id    UUID NOT NULL,
    statement_id UUID NOT NULL REFERENCES xapi_statement (statement_id),
    -- the number the measure reads from the statement (a scaled score, a raw score, 1/0 for completion or success)
    figure       NUMERIC,
    PRIMARY KEY (bucket_id, statement_id)
);
CREATE INDEX xapi_bucket_statement_by_statement ON xapi_bucket_statement (statement_id);

-- One figure: program, KPI, level, measure, cohort, region, quarter; and the impact record that holds it now.
CREATE TABLE xapi_bucket (
    bucket_id       UUID PRIMARY KEY,
    program_id      VARCHAR(255) NOT NULL,
    kpi_id          VARCHAR(255) NOT NULL,
    level           INT          NOT NULL,
    measure         VARCHAR(40)  NOT NULL,
    cohort_id       VARCHAR(255),
    region          VARCHAR(100),
    period          VARCHAR(7)   NOT NULL,
    impact_id       VARCHAR(255),
    value           NUMERIC,
    statements      INT          NOT NULL DEFAULT 0,
    -- sha-256 of the sorted ids of the statements counted, to tell a changed bucket from an unchanged one
    digest          VARCHAR(64),
    last_error      TEXT,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX xapi_bucket_by_program ON xapi_bucket (program_id);

-- The current xAPI mapping of each program, kept in the transaction of its XapiMappingSet event.
CREATE TABLE xapi_mapping (
    program_id VARCHAR(255) PRIMARY KEY,
    mapping    JSONB NOT NULL
);
