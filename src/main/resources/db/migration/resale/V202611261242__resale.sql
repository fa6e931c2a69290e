CREATE SCHEMA IF NOT EXISTS resale;

-- A resale authorization (ResaleAuthorization@1.0). The whole authorization is the document (JSON of the
-- ResaleAuthorization record); the columns beside it copy what lists filter on and what claims count, and are
-- written from the document in the same statement. offers_created is the one exception: it is counted here only,
-- by an atomic conditional update, so that two offers racing for a single-use authorization cannot both win.
CREATE TABLE resale.authorization (
    id                    varchar(25)  PRIMARY KEY CHECK (id ~ '^resaleauthz-[a-z0-9]{13}$'),
    manufacturer_party_id uuid         NOT NULL,
    reseller_party_id     uuid         NOT NULL,
    reseller_account_id   varchar(12)  NOT NULL,
    product_id            varchar(50)  NOT NULL,
    status                varchar(10)  NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RESTRICTED')),
    name                  varchar(100) NOT NULL,
    availability_end      date,
    offers_max            integer      CHECK (offers_max = 1),
    offers_created        integer      NOT NULL DEFAULT 0 CHECK (offers_created >= 0
                                           AND (offers_max IS NULL OR offers_created <= offers_max)),
    revision              bigint       NOT NULL CHECK (revision >= 1),
    created_at            timestamptz  NOT NULL,
    last_modified_at      timestamptz  NOT NULL,
    document              jsonb        NOT NULL
);
CREATE INDEX authorization_manufacturer_recent
    ON resale.authorization (manufacturer_party_id, last_modified_at DESC, id DESC);
-- The partner's inbox: never drafts.
CREATE INDEX authorization_reseller_recent
    ON resale.authorization (reseller_party_id, last_modified_at DESC, id DESC) WHERE status <> 'DRAFT';
