-- The event store, shared by the command side (writer) and the query side (reader).
-- Column names are Axon's JDBC schema in snake_case (see EventStoreAutoConfiguration).
--
-- global_index: an identity column with increment 1 and no cache, so positions are handed out one by one at
-- insert time. (Pooled sequences that hand out blocks of 50 make positions disagree with commit order and
-- processors skip events: AxonFramework #3374.)
-- payload and meta_data: bytea holding Jackson JSON. Never @Lob/oid: large objects are stored apart from the
-- row and leak when rows go.
-- time_stamp: ISO-8601 text, as Axon writes it.

CREATE TABLE domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY (INCREMENT BY 1 CACHE 1) PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);
