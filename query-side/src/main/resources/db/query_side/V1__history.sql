-- The query side's tables. Every read model is kept by a named processor (see the projections), is idempotent
-- (a redelivered event changes nothing) and is rebuilt from scratch by a replay (its reset handler empties it).

-- How far each processor's read model reflects the event store (global position), for X-Ledger-Position.
CREATE TABLE read_model_position (
    processor VARCHAR(255) PRIMARY KEY,
    position  BIGINT NOT NULL
);

-- Which partnership each program belongs to (the history finds a program event's partnership here).
CREATE TABLE program_partnership (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL
);

-- Which partner organisations may read which partnership (shortlisted or selected there).
CREATE TABLE partner_access (
    partnership_id  VARCHAR(255) NOT NULL,
    organization_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (partnership_id, organization_id)
);

-- The board's views: one JSON document per partnership and per program, folded from their events, with the
-- columns that lists filter on. version = sequence number of the last event applied (the redelivery guard).
CREATE TABLE partnership_view (
    partnership_id VARCHAR(255) PRIMARY KEY,
    name           TEXT        NOT NULL,
    client         TEXT        NOT NULL,
    stage          VARCHAR(20) NOT NULL,
    doc            JSONB       NOT NULL,
    version        BIGINT      NOT NULL,
    last_change    TIMESTAMPTZ NOT NULL
);
CREATE INDEX partnership_view_stage ON partnership_view (stage);

CREATE TABLE program_view (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL,
    doc            JSONB       NOT NULL,
    version        BIGINT      NOT NULL,
    last_change    TIMESTAMPTZ NOT NULL
);
CREATE INDEX program_view_partnership ON program_view (partnership_id);

-- For analysts: plain SQL over the whole history and over impact facts.
CREATE SCHEMA IF NOT EXISTS analytics;

-- Every event in position order with who, why and its payload; also the source of partnership histories.
CREATE TABLE analytics.event_log (
    position        BIGINT PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL UNIQUE,
    partnership_id  VARCHAR(255),
    aggregate_id    VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    type            VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255),
    reason          TEXT,
    payload         JSONB        NOT NULL,
    metadata        JSONB        NOT NULL,
    correlation_id  VARCHAR(255),
    causation_id    VARCHAR(255)
);
CREATE INDEX event_log_partnership ON analytics.event_log (partnership_id, position);
CREATE INDEX event_log_type_time ON analytics.event_log (type, occurred_at);

-- One row per impact record: the facts behind "which KPI is off target at L4".
CREATE TABLE analytics.impact_fact (
    impact_id          VARCHAR(255) PRIMARY KEY,
    program_id         VARCHAR(255) NOT NULL,
    partnership_id     VARCHAR(255) NOT NULL,
    selected_partners  TEXT[]       NOT NULL,
    kpi_id             VARCHAR(255) NOT NULL,
    level              SMALLINT     NOT NULL,
    value              NUMERIC      NOT NULL,
    unit               VARCHAR(100) NOT NULL,
    region             VARCHAR(100),
    cohort_id          VARCHAR(255),
    period_start       DATE         NOT NULL,
    period_end         DATE         NOT NULL,
    source             VARCHAR(20)  NOT NULL,
    curriculum_version INTEGER      NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    withdrawn          BOOLEAN      NOT NULL DEFAULT FALSE,
    withdrawal_reason  TEXT
);
CREATE INDEX impact_fact_kpi ON analytics.impact_fact (partnership_id, kpi_id, level);

-- What the impact facts need from partnerships and programs, kept by the same processor.
CREATE TABLE analytics.selected_partner (
    partnership_id  VARCHAR(255) NOT NULL,
    organization_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (partnership_id, organization_id)
);
CREATE TABLE analytics.program_partnership (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL
);

-- A program's impact records and curriculum versions are rows of their own, not part of its document: a
-- long-lived program gathers thousands of records, and a batch should write only what it changed.
CREATE TABLE program_impact (
    program_id VARCHAR(255) NOT NULL,
    impact_id  VARCHAR(255) NOT NULL,
    sequence   BIGINT       NOT NULL,
    doc        JSONB        NOT NULL,
    PRIMARY KEY (program_id, impact_id)
);

CREATE TABLE program_curriculum (
    program_id VARCHAR(255) NOT NULL,
    version    INTEGER      NOT NULL,
    doc        JSONB        NOT NULL,
    PRIMARY KEY (program_id, version)
);

-- Positions a processor has not seen yet below its highest one (open transactions), for streams that resume by
-- a single position: they only hand out what lies below the lowest of these.
ALTER TABLE read_model_position ADD COLUMN gaps BIGINT[] NOT NULL DEFAULT '{}';
