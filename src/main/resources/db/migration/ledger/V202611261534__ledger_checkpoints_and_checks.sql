-- Which transaction wrote each posting. xid8 is PostgreSQL's 64-bit transaction id, which never wraps around. A
-- balance checkpoint covers the postings of every transaction older than the oldest one still running: all of those
-- have committed or rolled back for good. An entry id cannot mark that line, because ids are taken in insert order
-- while transactions commit in any order: a checkpoint "up to entry 101" could miss entry 100 of a transaction that
-- was still running, forever.
ALTER TABLE ledger.posting ADD COLUMN xact_id xid8 NOT NULL DEFAULT pg_current_xact_id();

-- A balance is read as the account's latest checkpoint plus its postings since: a range scan of these indexes.
DROP INDEX ledger.posting_debit;
DROP INDEX ledger.posting_credit;
CREATE INDEX posting_debit ON ledger.posting (debit_account_id, xact_id) INCLUDE (amount_minor);
CREATE INDEX posting_credit ON ledger.posting (credit_account_id, xact_id) INCLUDE (amount_minor);

-- No foreign keys on the posting path. A foreign key check reads the row it names FOR KEY SHARE, which writes a lock
-- into that row: every posting to the marketplace's clearing account would write to the clearing account's row, the
-- hot row the ledger is built to avoid, and the checks (one query per posting and key) cost as much as the postings.
-- The journal writes postings only with the entry inserted in the same statement and accounts that exist (accounts
-- are never deleted); the invariant check finds any posting or reversal that names a missing row.
ALTER TABLE ledger.posting
    DROP CONSTRAINT posting_entry_id_fkey,
    DROP CONSTRAINT posting_debit_account_id_fkey,
    DROP CONSTRAINT posting_credit_account_id_fkey;
ALTER TABLE ledger.journal_entry DROP CONSTRAINT journal_entry_reverses_entry_id_fkey;

-- An entry is reversed at most once: a second reversal would undo it twice.
CREATE UNIQUE INDEX journal_entry_reversal ON ledger.journal_entry (reverses_entry_id)
    WHERE reverses_entry_id IS NOT NULL;

-- An account's sums over the postings of every transaction older than up_to_xact_id. Appended by the daily job for
-- the accounts that moved since their last checkpoint; never updated, so no row is hot.
CREATE TABLE ledger.balance_checkpoint (
    account_id    bigint      NOT NULL REFERENCES ledger.account (id),
    up_to_xact_id xid8        NOT NULL,
    debits_minor  bigint      NOT NULL CHECK (debits_minor >= 0),
    credits_minor bigint      NOT NULL CHECK (credits_minor >= 0),
    taken_at      timestamptz NOT NULL,
    PRIMARY KEY (account_id, up_to_xact_id)
);

-- What each run of the invariant check found, with the first violations of each kind it found.
CREATE TABLE ledger.invariant_check (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checked_at    timestamptz NOT NULL,
    triggered_by  varchar(20) NOT NULL,
    -- The UTC day of a scheduled check: one a day, however many nodes run the job.
    scheduled_day date,
    last_entry_id bigint,
    entries       bigint      NOT NULL,
    postings      bigint      NOT NULL,
    accounts      bigint      NOT NULL,
    checkpoints   bigint      NOT NULL,
    violations    bigint      NOT NULL,
    elapsed_ms    bigint      NOT NULL
);
CREATE UNIQUE INDEX invariant_check_scheduled ON ledger.invariant_check (scheduled_day);

-- Σ debits and Σ credits per currency over the whole journal, as the check found them.
CREATE TABLE ledger.invariant_total (
    check_id      bigint  NOT NULL REFERENCES ledger.invariant_check (id),
    currency      char(3) NOT NULL,
    debits_minor  bigint  NOT NULL,
    credits_minor bigint  NOT NULL,
    PRIMARY KEY (check_id, currency)
);

CREATE TABLE ledger.invariant_violation (
    check_id  bigint       NOT NULL REFERENCES ledger.invariant_check (id),
    position  integer      NOT NULL,
    kind      varchar(40)  NOT NULL,
    entry_key varchar(200),
    account   varchar(120),
    currency  char(3),
    facts     varchar(400) NOT NULL,
    PRIMARY KEY (check_id, position)
);

CREATE TRIGGER balance_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger.balance_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER invariant_check_append_only BEFORE UPDATE OR DELETE ON ledger.invariant_check
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER invariant_total_append_only BEFORE UPDATE OR DELETE ON ledger.invariant_total
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
CREATE TRIGGER invariant_violation_append_only BEFORE UPDATE OR DELETE ON ledger.invariant_violation
    FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change();
