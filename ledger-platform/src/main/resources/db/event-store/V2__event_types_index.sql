-- The events of some payload types, in order, without visiting the others: a rebuild of a read model built from a
-- few event types (a new metric) reads the history through this index (EventTypeReads). Its keys grow at the end of
-- each type's range, as positions do.
CREATE INDEX domain_event_entry_payload_type ON domain_event_entry (payload_type, global_index);
