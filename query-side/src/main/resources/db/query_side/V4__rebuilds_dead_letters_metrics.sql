-- Rebuilds with no downtime: the latest rebuild of each read model (running while completed_at is null), so one
-- that was running when the service stopped resumes when it starts again.
CREATE TABLE read_model_rebuild (
    processor    VARCHAR(255) PRIMARY KEY,
    requested_by VARCHAR(255) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    completed_at TIMESTAMPTZ
);

-- Projection failures parked per aggregate (Axon's sequenced dead-letter queue). Serialized data is bytea, never
-- a large object; timestamps are ISO-8601 text as Axon writes them.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_sequence ON dead_letter_entry (sequence_identifier);

-- Letters taken out by an administrator, with who, when and why.
CREATE TABLE dead_letter_eviction (
    dead_letter_id      VARCHAR(255) PRIMARY KEY,
    processing_group    VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    event_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    reason              TEXT         NOT NULL,
    evicted_by          VARCHAR(255) NOT NULL,
    evicted_at          TIMESTAMPTZ  NOT NULL
);

-- Metric: pivot-to-impact lead time. One row per curriculum pivot: how many days until the program's next
-- level-3 or level-4 impact record, and whether that record's KPI moved toward the partnership's target compared
-- with the KPI's previous level-3/4 value (or its baseline). The impact columns stay empty until that record comes.
CREATE TABLE analytics.pivot_impact_lead_time (
    program_id           VARCHAR(255) NOT NULL,
    to_version           INTEGER      NOT NULL,
    partnership_id       VARCHAR(255),
    pivoted_at           TIMESTAMPTZ  NOT NULL,
    pivot_trigger        VARCHAR(50),
    pivot_reason         TEXT,
    impact_id            VARCHAR(255),
    impact_level         SMALLINT,
    kpi_id               VARCHAR(255),
    impact_recorded_at   TIMESTAMPTZ,
    lead_time_days       INTEGER,
    value_before         NUMERIC,
    value_after          NUMERIC,
    target               NUMERIC,
    moved_toward_target  BOOLEAN,
    impact_withdrawn     BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (program_id, to_version)
);
-- What the metric needs to know, kept by the same processor.
CREATE TABLE analytics.pivot_impact_program (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL
);
CREATE TABLE analytics.pivot_impact_kpi (
    partnership_id VARCHAR(255) NOT NULL,
    kpi_id         VARCHAR(255) NOT NULL,
    baseline       NUMERIC,
    target         NUMERIC,
    PRIMARY KEY (partnership_id, kpi_id)
);
CREATE TABLE analytics.pivot_impact_last_value (
    program_id  VARCHAR(255) NOT NULL,
    kpi_id      VARCHAR(255) NOT NULL,
    value       NUMERIC      NOT NULL,
    impact_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (program_id, kpi_id)
);

-- Metric: due-diligence outcomes by partner role. One row per shortlisted candidate: its role, its latest score
-- per criterion, the outcome (PENDING until the three required criteria are assessed, then PASSED or FAILED) and
-- whether it was selected.
CREATE TABLE analytics.due_diligence_outcome (
    partnership_id   VARCHAR(255) NOT NULL,
    partner_id       VARCHAR(255) NOT NULL,
    organization_id  VARCHAR(255) NOT NULL,
    role             VARCHAR(50)  NOT NULL,
    shortlisted_at   TIMESTAMPTZ  NOT NULL,
    expertise        SMALLINT,
    on_time_delivery SMALLINT,
    within_budget    SMALLINT,
    cultural_fit     SMALLINT,
    outcome          VARCHAR(20)  NOT NULL,
    selected         BOOLEAN      NOT NULL DEFAULT FALSE,
    decided_at       TIMESTAMPTZ,
    PRIMARY KEY (partnership_id, partner_id)
);
CREATE INDEX due_diligence_outcome_role ON analytics.due_diligence_outcome (role);
