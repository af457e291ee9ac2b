-- What program commands need to know of a partnership, kept in the same transaction as the partnership's
-- events (a subscribing processor): whether it exists, its KPI ids, whether it has ended.
CREATE TABLE partnership_registry (
    partnership_id VARCHAR(255) PRIMARY KEY,
    kpi_ids        TEXT[]  NOT NULL,
    ended          BOOLEAN NOT NULL DEFAULT FALSE
);
