-- A read-only role for analysts: SELECT on the analytics schema, nothing else. Grant it to a login of your own
-- (CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE ledger_analyst). Skipped, with a notice, where the ledger's
-- database user may not create roles; a DBA can then run this script by hand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_analyst') THEN
        IF (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE ledger_analyst NOLOGIN;
        ELSE
            RAISE NOTICE 'ledger_analyst not created: % may not create roles', current_user;
            RETURN;
        END IF;
    END IF;
    GRANT USAGE ON SCHEMA analytics TO ledger_analyst;
    GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO ledger_analyst;
    ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO ledger_analyst;
END
$$;
