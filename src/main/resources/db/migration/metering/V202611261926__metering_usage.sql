CREATE SCHEMA IF NOT EXISTS metering;

-- One row per customer account, product, dimension and hour: the unique key is the deduplication, so however many
-- identical batches arrive at once, each record is stored once, and a later record for the same hour with another
-- quantity is found to be a duplicate rather than stored.
CREATE TABLE metering.usage_record (
    metering_record_id  uuid         PRIMARY KEY,
    customer_account_id varchar(12)  NOT NULL,
    product_id          varchar(50)  NOT NULL,
    dimension           varchar(255) NOT NULL,
    usage_hour          timestamptz  NOT NULL,
    usage_time          timestamptz  NOT NULL,
    quantity            bigint       NOT NULL CHECK (quantity >= 0),
    -- [{"allocatedUsageQuantity":n,"tags":[{"key":..,"value":..}]}], empty without allocations
    allocations         jsonb        NOT NULL,
    -- quantity and allocations in one canonical text: an identical retry has the same, a duplicate another
    fingerprint         text         NOT NULL,
    agreement_id        varchar(30)  NOT NULL,
    seller_party_id     uuid         NOT NULL,
    buyer_party_id      uuid         NOT NULL,
    -- MeterUsage's idempotency token; absent for BatchMeterUsage records
    client_token        varchar(64),
    recorded_at         timestamptz  NOT NULL,
    CONSTRAINT usage_record_hour UNIQUE (customer_account_id, product_id, dimension, usage_hour)
);
CREATE INDEX usage_record_agreement ON metering.usage_record (agreement_id, usage_hour);
CREATE UNIQUE INDEX usage_record_client_token ON metering.usage_record (customer_account_id, product_id, client_token)
    WHERE client_token IS NOT NULL;
