-- Decisions by review (issue 15): "which decisions did the Q3 review take, and what did each change?". Kept by the
-- review-decisions processor (ReviewDecisionProjection) and rebuilt like every read model.
--
-- Each business review held, one row per partnership and period (a period is held once).
CREATE TABLE query_side.business_review (
    partnership_id VARCHAR(255) NOT NULL,
    period         TEXT         NOT NULL,
    event_id       VARCHAR(255) NOT NULL,
    position       BIGINT       NOT NULL,
    held_at        TIMESTAMPTZ  NOT NULL,
    recorded_by    TEXT,
    attendees      JSONB        NOT NULL,
    decisions      JSONB        NOT NULL,
    PRIMARY KEY (partnership_id, period)
);

-- Every event, of the partnership or of one of its programs, whose payload names a review as its decisionRef: the
-- columns of analytics.event_log (so the board reads it with the history's sentences) plus the period it names.
-- Keyed by the event's own position, so a redelivered event changes nothing.
CREATE TABLE query_side.review_decision (
    position        BIGINT       PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    partnership_id  VARCHAR(255) NOT NULL,
    decision_ref    TEXT         NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),
    sequence_number BIGINT       NOT NULL,
    type            VARCHAR(255) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           TEXT,
    reason          TEXT,
    payload         JSONB        NOT NULL,
    correlation_id  TEXT,
    causation_id    TEXT
);
CREATE INDEX review_decision_by_review ON query_side.review_decision (partnership_id, decision_ref, position);

-- Which partnership each program belongs to, so a program's decision finds its partnership's review.
CREATE TABLE query_side.review_program (
    program_id     VARCHAR(255) PRIMARY KEY,
    partnership_id VARCHAR(255) NOT NULL
);
