-- The curated content of each program by its URI, so that learning records about it are recorded against it.
-- Kept in the transaction of the curation's events; curations made before this table existed are not in it.
CREATE TABLE xapi_curation (
    program_id  VARCHAR(255) NOT NULL,
    curation_id VARCHAR(255) NOT NULL,
    uri         TEXT         NOT NULL,
    retired     BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (program_id, curation_id)
);
CREATE INDEX xapi_curation_by_uri ON xapi_curation (uri) WHERE NOT retired;
