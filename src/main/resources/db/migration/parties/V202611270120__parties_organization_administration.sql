-- A buyer organization names the accounts that may accept offers (procurement accounts) and, optionally, the one
-- account that is billed for every purchase of the organization; without it each account pays for its own.
ALTER TABLE parties.account
    ADD COLUMN procurement boolean NOT NULL DEFAULT false,
    ADD COLUMN billing     boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX one_billing_account ON parties.account (party_id) WHERE billing;
