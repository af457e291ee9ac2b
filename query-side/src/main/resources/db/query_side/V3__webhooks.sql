-- Webhook subscriptions of integrations: where to deliver, what, how far delivery got (durable), and health.
-- The secret signs deliveries (HMAC-SHA256) and is never returned by the API.
CREATE TABLE webhook_subscription (
    subscription_id      VARCHAR(64)  PRIMARY KEY,
    owner                VARCHAR(255) NOT NULL,
    url                  TEXT         NOT NULL,
    types                TEXT[]       NOT NULL,
    partnership_id       VARCHAR(255),
    secret               TEXT         NOT NULL,
    state                VARCHAR(20)  NOT NULL,
    position             BIGINT       NOT NULL,
    delivered            BIGINT       NOT NULL DEFAULT 0,
    consecutive_failures INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    next_attempt_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner);
