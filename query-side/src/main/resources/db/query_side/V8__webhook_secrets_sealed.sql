-- Webhook secrets are no longer kept in plaintext: each is sealed with AES-256-GCM under the ledger's webhook secret
-- key (ledger.webhooks.secret-key, or <ledger.db.data-dir>/webhooks/secret-key), with a random 96-bit nonce and the
-- subscription id as associated data (SecretCipher). The key is not in the database, so SQL cannot seal; the query
-- side seals every plaintext_secret left by earlier versions when it starts, before it delivers or serves anything,
-- and empties the column. (Old row versions keep the plaintext until PostgreSQL vacuums them.)
--
-- A rotation keeps the secret it replaces, sealed, until previous_secret_until: until then deliveries carry a
-- signature with each (Standard Webhooks' webhook-signature holds both), so receivers can switch without a gap.
ALTER TABLE webhook_subscription RENAME COLUMN secret TO plaintext_secret;
ALTER TABLE webhook_subscription ALTER COLUMN plaintext_secret DROP NOT NULL;
ALTER TABLE webhook_subscription
    ADD COLUMN secret_sealed          BYTEA,
    ADD COLUMN previous_secret_sealed BYTEA,
    ADD COLUMN previous_secret_until  TIMESTAMPTZ,
    ADD CONSTRAINT webhook_subscription_has_a_secret CHECK (secret_sealed IS NOT NULL OR plaintext_secret IS NOT NULL);
