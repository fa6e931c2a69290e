CREATE SCHEMA IF NOT EXISTS ledger;

-- One account per owner, role and currency; created with its first posting and never changed.
CREATE TABLE ledger.account (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_party_id uuid        NOT NULL,
    role           varchar(40) NOT NULL,
    currency       char(3)     NOT NULL,
    UNIQUE (owner_party_id, role, currency)
);

-- A journal entry: the postings of one business event. The idempotency key is the caller's.
CREATE TABLE ledger.journal_entry (
    id                bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key   varchar(200) NOT NULL UNIQUE,
    reason_code       varchar(200) NOT NULL,
    reference         varchar(200),
    reverses_entry_id bigint REFERENCES ledger.journal_entry (id),
    occurred_at       timestamptz  NOT NULL
);
CREATE INDEX journal_entry_reference ON ledger.journal_entry (reference) WHERE reference IS NOT NULL;

-- A posting moves amount_minor (in the currency's minor unit) from the credit account to the debit account, so each
-- posting, and every entry, balances per currency by construction.
CREATE TABLE ledger.posting (
    entry_id          bigint  NOT NULL REFERENCES ledger.journal_entry (id),
    leg               integer NOT NULL CHECK (leg >= 0),
    debit_account_id  bigint  NOT NULL REFERENCES ledger.account (id),
    credit_account_id bigint  NOT NULL REFERENCES ledger.account (id) CHECK (credit_account_id <> debit_account_id),
    currency          char(3) NOT NULL,
    amount_minor      bigint  NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (entry_id, leg)
);
CREATE INDEX posting_debit ON ledger.posting (debit_account_id) INCLUDE (amount_minor);
CREATE INDEX posting_credit ON ledger.posting (credit_account_id) INCLUDE (amount_minor);

-- Append-only: a correction is a new (reversing) entry, never an edit.
CREATE FUNCTION ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger % rows are append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON ledger.journal_entry
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON ledger.posting
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER account_append_only BEFORE UPDATE OR DELETE ON ledger.account
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
