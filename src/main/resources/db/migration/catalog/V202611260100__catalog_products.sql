CREATE SCHEMA IF NOT EXISTS catalog;

-- A seller's product. The public offer (pricing models and free-trial days) lives on the row because there is at
-- most one per product; its list prices are in catalog.list_price. pricing_models IS NULL means no public offer yet.
CREATE TABLE catalog.product (
    id                varchar(18)   PRIMARY KEY CHECK (id ~ '^prod-[a-z0-9]{13}$'),
    seller_party_id   uuid          NOT NULL,
    type              varchar(30)   NOT NULL CHECK (type IN ('SAAS', 'AMI', 'CONTAINER', 'MACHINE_LEARNING',
                                                             'PROFESSIONAL_SERVICES', 'DATA')),
    title             varchar(255)  NOT NULL,
    short_description varchar(1000) NOT NULL,
    long_description  varchar(5000),
    visibility        varchar(20)   NOT NULL CHECK (visibility IN ('LIMITED', 'PUBLIC', 'RESTRICTED')),
    categories        jsonb         NOT NULL,
    keywords          jsonb         NOT NULL,
    delivery          jsonb         NOT NULL,
    pricing_models    jsonb,
    free_trial_days   integer CHECK (free_trial_days BETWEEN 5 AND 31),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           bigint        NOT NULL CHECK (version >= 1)
);
-- Lists are newest first and keyset-paged on (created_at, id): per seller, and across sellers for the operator.
CREATE INDEX product_seller_newest ON catalog.product (seller_party_id, created_at DESC, id DESC);
CREATE INDEX product_newest ON catalog.product (created_at DESC, id DESC);

CREATE TABLE catalog.dimension (
    product_id  varchar(18)  NOT NULL REFERENCES catalog.product (id),
    key         varchar(100) NOT NULL CHECK (key ~ '^[A-Za-z0-9_.-]{1,100}$'),
    position    integer      NOT NULL,
    name        varchar(100) NOT NULL,
    unit        varchar(30)  NOT NULL,
    type        varchar(10)  NOT NULL CHECK (type IN ('ENTITLED', 'METERED')),
    description varchar(500),
    PRIMARY KEY (product_id, key)
);

-- duration_months is 0 for prices without a duration (usage, subscription) so that it can be part of the key.
-- The dimension reference is deferred: a product update replaces its dimensions inside one transaction.
CREATE TABLE catalog.list_price (
    product_id      varchar(18)    NOT NULL,
    model           varchar(20)    NOT NULL CHECK (model IN ('CONTRACT', 'USAGE', 'SUBSCRIPTION')),
    dimension_key   varchar(100)   NOT NULL,
    duration_months integer        NOT NULL CHECK (duration_months IN (0, 1, 12, 24, 36)),
    position        integer        NOT NULL,
    amount          numeric(17, 8) NOT NULL CHECK (amount >= 0),
    currency        char(3)        NOT NULL,
    PRIMARY KEY (product_id, model, dimension_key, duration_months),
    FOREIGN KEY (product_id, dimension_key) REFERENCES catalog.dimension (product_id, key)
        DEFERRABLE INITIALLY DEFERRED,
    CHECK ((model = 'CONTRACT') = (duration_months > 0))
);
