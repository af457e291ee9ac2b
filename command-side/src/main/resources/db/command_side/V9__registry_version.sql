-- The sequence number of the last event each registry row took in (issue 18). On Axon Server the row commits in
-- PostgreSQL before the events commit in Axon Server; a row whose version is ahead of the partnership's stored
-- events took in events that were never stored, and is not trusted (PartnershipRegistry.lookUp). NULL for rows
-- from before: they are read as before.
ALTER TABLE partnership_registry ADD COLUMN version BIGINT;
