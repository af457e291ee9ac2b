-- Tracking tokens of the query side's processors (bytea, never large objects).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- One row per event of a partnership or of one of its programs: what changed, when, who, why.
-- Keyed by the event's global position, so a redelivered event changes nothing.
CREATE TABLE history_entry (
    position        BIGINT PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    partnership_id  VARCHAR(255) NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    type            VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255),
    reason          TEXT,
    payload         JSONB        NOT NULL,
    correlation_id  VARCHAR(255),
    causation_id    VARCHAR(255)
);
CREATE INDEX history_entry_partnership ON history_entry (partnership_id, position);

-- Which partnership each program belongs to, so program events find their partnership's history.
CREATE TABLE history_program (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL
);
