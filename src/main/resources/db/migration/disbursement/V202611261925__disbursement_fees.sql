CREATE SCHEMA IF NOT EXISTS disbursement;

-- Listing fees (ADR 0019). The operator keeps an effective-dated schedule: each version applies from its
-- effective_from until the next version's. Versions are never changed; a version not yet in force may be withdrawn.
-- Rates are percents with four decimals; thresholds are total contract values in the agreement's currency.
CREATE TABLE disbursement.fee_schedule (
    id                          text PRIMARY KEY,
    effective_from              timestamptz NOT NULL UNIQUE,
    lower_threshold             numeric(20, 2) NOT NULL CHECK (lower_threshold > 0),
    upper_threshold             numeric(20, 2) NOT NULL CHECK (upper_threshold > lower_threshold),
    private_below_lower_rate    numeric(7, 4) NOT NULL CHECK (private_below_lower_rate BETWEEN 0 AND 100),
    private_below_upper_rate    numeric(7, 4) NOT NULL CHECK (private_below_upper_rate BETWEEN 0 AND 100),
    private_from_upper_rate     numeric(7, 4) NOT NULL CHECK (private_from_upper_rate BETWEEN 0 AND 100),
    renewal_rate                numeric(7, 4) NOT NULL CHECK (renewal_rate BETWEEN 0 AND 100),
    cppo_uplift                 numeric(7, 4) NOT NULL CHECK (cppo_uplift BETWEEN 0 AND 100),
    professional_services_rate  numeric(7, 4) NOT NULL CHECK (professional_services_rate BETWEEN 0 AND 100),
    created_at                  timestamptz NOT NULL,
    created_by                  text NOT NULL
);

-- Public-offer rates by catalog product type (SAAS, AMI, CONTAINER, MACHINE_LEARNING, PROFESSIONAL_SERVICES, DATA).
CREATE TABLE disbursement.fee_schedule_public_rate (
    schedule_id   text NOT NULL REFERENCES disbursement.fee_schedule (id) ON DELETE CASCADE,
    product_type  text NOT NULL,
    rate          numeric(7, 4) NOT NULL CHECK (rate BETWEEN 0 AND 100),
    PRIMARY KEY (schedule_id, product_type)
);

-- AWS's schedule in force since 5 January 2024, midnight UTC (reference §6.1).
INSERT INTO disbursement.fee_schedule (id, effective_from, lower_threshold, upper_threshold, private_below_lower_rate,
    private_below_upper_rate, private_from_upper_rate, renewal_rate, cppo_uplift, professional_services_rate,
    created_at, created_by)
VALUES ('fees-aws20240105default', '2024-01-05T00:00:00Z', 1000000, 10000000, 3, 2, 1.5, 1.5, 0.5, 2.5,
    '2024-01-05T00:00:00Z', 'Offerdesk');
INSERT INTO disbursement.fee_schedule_public_rate (schedule_id, product_type, rate)
VALUES ('fees-aws20240105default', 'SAAS', 3),
       ('fees-aws20240105default', 'DATA', 3),
       ('fees-aws20240105default', 'AMI', 20),
       ('fees-aws20240105default', 'CONTAINER', 20),
       ('fees-aws20240105default', 'MACHINE_LEARNING', 20),
       ('fees-aws20240105default', 'PROFESSIONAL_SERVICES', 2.5);

-- The fee fixed for an agreement when it was accepted, from the schedule version then in force. It never changes:
-- a later schedule applies to agreements accepted later. For a channel partner private offer the rate (CPPO uplift
-- included) is the ISV's, charged on the wholesale price; the partner's markup bears no fee.
CREATE TABLE disbursement.agreement_fee (
    agreement_id        text PRIMARY KEY,
    schedule_id         text NOT NULL REFERENCES disbursement.fee_schedule (id),
    basis               text NOT NULL,
    base_rate           numeric(7, 4) NOT NULL,
    cppo_uplift         numeric(7, 4) NOT NULL,
    rate                numeric(7, 4) NOT NULL CHECK (rate BETWEEN 0 AND 100),
    contract_value      numeric(24, 8) NOT NULL,
    currency            char(3) NOT NULL,
    resale              boolean NOT NULL,
    seller_party_id     uuid NOT NULL,
    publisher_party_id  uuid NOT NULL,
    fixed_at            timestamptz NOT NULL
);
CREATE INDEX agreement_fee_seller ON disbursement.agreement_fee (seller_party_id);
CREATE INDEX agreement_fee_publisher ON disbursement.agreement_fee (publisher_party_id);
