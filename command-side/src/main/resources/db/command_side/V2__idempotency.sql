-- Responses to commands sent with an Idempotency-Key, written in the same transaction as the command's events:
-- a retry with the same key and body gets the same response and appends nothing. Keys belong to a principal.
CREATE TABLE idempotency_key (
    principal      VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,
    status         INTEGER      NOT NULL,
    location       TEXT,
    body           JSONB        NOT NULL,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);
