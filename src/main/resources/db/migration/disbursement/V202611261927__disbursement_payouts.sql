CREATE SCHEMA IF NOT EXISTS disbursement;

-- How a seller or channel partner wants to be paid in one currency. A party without a row for a currency is paid
-- monthly on the 1st (ADR 0020).
CREATE TABLE disbursement.preference (
    party_id     uuid         NOT NULL,
    currency     char(3)      NOT NULL,
    frequency    varchar(10)  NOT NULL CHECK (frequency IN ('DAILY', 'MONTHLY')),
    day_of_month smallint,
    bank_account varchar(40),
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(300) NOT NULL,
    PRIMARY KEY (party_id, currency),
    CHECK ((frequency = 'DAILY' AND day_of_month IS NULL)
        OR (frequency = 'MONTHLY' AND day_of_month BETWEEN 1 AND 28))
);

-- One row per payable account that was ever disbursed: locked (FOR UPDATE, SKIP LOCKED by the run) by whoever
-- disburses, fails or retries for it, so one payee's disbursements happen one after the other on any number of nodes.
CREATE TABLE disbursement.payee (
    party_id uuid        NOT NULL,
    role     varchar(40) NOT NULL,
    currency char(3)     NOT NULL,
    PRIMARY KEY (party_id, role, currency)
);

-- A transfer of a payable balance to its owner. Scheduled ones carry their due day, retries the failed one they
-- retry; the unique indexes make each happen once. ledger_mark is the ledger snapshot the amount was read at: the
-- report covers the payable's movements between the previous disbursement's mark and this one.
CREATE TABLE disbursement.disbursement (
    id             varchar(30)  PRIMARY KEY,
    party_id       uuid         NOT NULL,
    role           varchar(40)  NOT NULL,
    currency       char(3)      NOT NULL,
    amount_minor   bigint       NOT NULL CHECK (amount_minor > 0),
    status         varchar(10)  NOT NULL CHECK (status IN ('PAID', 'FAILED')),
    due_day        date,
    retry_of       varchar(30) REFERENCES disbursement.disbursement (id),
    -- The payee's disbursements numbered 1, 2, …: the previous one of a report is seq - 1.
    seq            integer      NOT NULL CHECK (seq > 0),
    ledger_mark    text         NOT NULL,
    bank_account   varchar(40),
    disbursed_at   timestamptz  NOT NULL,
    started_by     varchar(300) NOT NULL,
    node           varchar(100) NOT NULL,
    failed_at      timestamptz,
    failed_by      varchar(300),
    failure_reason varchar(500),
    CHECK ((due_day IS NULL) <> (retry_of IS NULL)),
    CHECK ((status = 'FAILED') = (failed_at IS NOT NULL))
);
CREATE UNIQUE INDEX disbursement_scheduled ON disbursement.disbursement (party_id, role, currency, due_day)
    WHERE due_day IS NOT NULL;
CREATE UNIQUE INDEX disbursement_retry ON disbursement.disbursement (retry_of) WHERE retry_of IS NOT NULL;
CREATE UNIQUE INDEX disbursement_payee ON disbursement.disbursement (party_id, role, currency, seq);
CREATE INDEX disbursement_latest ON disbursement.disbursement (disbursed_at DESC, id);
