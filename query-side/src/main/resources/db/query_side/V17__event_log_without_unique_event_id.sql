-- The event log's event_id was a unique constraint, and so an index no question asks: every lookup of the log is by
-- position, partnership or type, and an event's id is unique in the event store itself (and compared with the
-- store's by `ledger check`). The index cost every event a random insert into a second B-tree, and a rebuild of the
-- event log its largest index build (two fifths of the three). Dropped here, by whatever name it has: a table that a
-- rebuild took over carries the name its copy was given. A rebuild's copy left finished by an earlier version loses
-- it too, so it still has the live table's indexes.
DO $$
DECLARE
    found record;
BEGIN
    FOR found IN
        SELECT c.conrelid::regclass AS on_table, c.conname
        FROM pg_constraint c
        WHERE c.conrelid IN (to_regclass('analytics.event_log'), to_regclass('analytics.event_log__next'))
          AND c.contype = 'u'
          AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute
                                WHERE attrelid = c.conrelid AND attname = 'event_id')]::smallint[]
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', found.on_table, found.conname);
    END LOOP;
END $$;
