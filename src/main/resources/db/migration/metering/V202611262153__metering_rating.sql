-- Agreements with a usage rate card, rated at the end of each billing period (ADR 0021). ends_at is where the usage
-- that counts ends: the agreement's end, or the instant it ended sooner (cancelled, replaced, terminated); absent for
-- a pay-as-you-go agreement without an end. The product's seller (the publisher) and the buyer read what was rated.
CREATE TABLE metering.rating_plan (
    agreement_id    varchar(30) PRIMARY KEY,
    seller_party_id uuid        NOT NULL,
    buyer_party_id  uuid        NOT NULL,
    ends_at         timestamptz
);

-- One billing period of an agreement: a calendar month in UTC, cut by the agreement's start and end. A period is
-- rated once, when the metering window after its end has passed: the rating claims the row FOR UPDATE SKIP LOCKED
-- and sets rated_at in the transaction that stores the lines and hands the charges to invoicing, and it adds the
-- next period in that same transaction.
CREATE TABLE metering.rating_period (
    agreement_id varchar(30) NOT NULL REFERENCES metering.rating_plan (agreement_id),
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL CHECK (period_end > period_start),
    rated_at     timestamptz,
    PRIMARY KEY (agreement_id, period_start)
);
CREATE INDEX rating_period_waiting ON metering.rating_period (period_end) WHERE rated_at IS NULL;

-- What a rating found per dimension and allocation tag set: the usage in the period, the part the contract's
-- entitlement covered, and the rest billed at the rate card's unit price, rounded once per line. A line with a billed
-- quantity is one usage charge in invoicing (charge_id); a line the entitlement covered has none.
CREATE TABLE metering.rated_usage (
    agreement_id     varchar(30)    NOT NULL,
    period_start     timestamptz    NOT NULL,
    line_no          integer        NOT NULL CHECK (line_no >= 1),
    period_end       timestamptz    NOT NULL,
    dimension        varchar(255)   NOT NULL,
    -- {"key": "value", ...}: the allocation's tags, {} for usage without allocations
    allocation_tags  jsonb          NOT NULL,
    used_quantity    bigint         NOT NULL CHECK (used_quantity >= 0),
    covered_quantity bigint         NOT NULL CHECK (covered_quantity BETWEEN 0 AND used_quantity),
    billed_quantity  bigint         NOT NULL CHECK (billed_quantity = used_quantity - covered_quantity),
    currency         char(3)        NOT NULL,
    unit_price       numeric(20, 8) NOT NULL CHECK (unit_price >= 0),
    amount_minor     bigint         NOT NULL CHECK (amount_minor >= 0),
    wholesale_minor  bigint         CHECK (wholesale_minor BETWEEN 0 AND amount_minor),
    charge_id        varchar(40),
    PRIMARY KEY (agreement_id, period_start, line_no),
    FOREIGN KEY (agreement_id, period_start) REFERENCES metering.rating_period (agreement_id, period_start)
);
