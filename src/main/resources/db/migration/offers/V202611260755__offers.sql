CREATE SCHEMA IF NOT EXISTS offers;

-- An offer. The whole offer (terms and rules) is the document, in the storage form of OfferDocuments; the columns
-- beside it copy what lists filter and sort on, and are written from the document in the same statement.
CREATE TABLE offers.offer (
    id                 varchar(19)   PRIMARY KEY CHECK (id ~ '^offer-[a-z0-9]{13}$'),
    seller_party_id    uuid          NOT NULL,
    product_id         varchar(50)   NOT NULL,
    state              varchar(8)    NOT NULL CHECK (state IN ('DRAFT', 'RELEASED')),
    name               varchar(150),
    buyer_accounts     varchar(12)[] NOT NULL,
    renewal            boolean       NOT NULL,
    release_date       timestamptz,
    availability_end   date,
    -- 23:59:59.999 UTC of availability_end: the last instant the offer can be accepted.
    expires_at         timestamptz,
    -- When OfferExpired was published for the current expiry; cleared when the expiry moves.
    expiry_announced   boolean       NOT NULL DEFAULT false,
    revision           bigint        NOT NULL CHECK (revision >= 1),
    created_at         timestamptz   NOT NULL,
    last_modified_at   timestamptz   NOT NULL,
    document           jsonb         NOT NULL
);
CREATE INDEX offer_seller_recent ON offers.offer (seller_party_id, last_modified_at DESC, id DESC);
CREATE INDEX offer_product ON offers.offer (product_id, state);
-- The buyer's list: released offers that target one of the buyer's accounts. Without a pending list (fastupdate),
-- every query reads a merged index: an offer targets few accounts, so writing them at once costs little.
CREATE INDEX offer_buyer_accounts ON offers.offer USING gin (buyer_accounts) WITH (fastupdate = off)
    WHERE state = 'RELEASED';
CREATE INDEX offer_expiry_due ON offers.offer (expires_at) WHERE state = 'RELEASED' AND NOT expiry_announced;

-- The offer after each change set that changed it: who, when, which changes, and the whole offer.
CREATE TABLE offers.offer_revision (
    offer_id       varchar(19)  NOT NULL REFERENCES offers.offer (id),
    revision       bigint       NOT NULL,
    change_set_id  varchar(25)  NOT NULL,
    change_types   text[]       NOT NULL,
    actor_name     varchar(500) NOT NULL,
    modified_at    timestamptz  NOT NULL,
    document       jsonb        NOT NULL,
    PRIMARY KEY (offer_id, revision)
);

-- A custom EULA a seller uploaded. Stored in the database so that it is backed up with the offers that use it and
-- served only to parties that may see such an offer.
CREATE TABLE offers.eula_document (
    id              uuid          PRIMARY KEY,
    seller_party_id uuid          NOT NULL,
    file_name       varchar(255)  NOT NULL,
    size_bytes      integer       NOT NULL CHECK (size_bytes > 0),
    sha256          char(64)      NOT NULL,
    content         bytea         NOT NULL,
    uploaded_at     timestamptz   NOT NULL,
    uploaded_by     varchar(500)  NOT NULL
);
CREATE INDEX eula_document_seller ON offers.eula_document (seller_party_id, uploaded_at DESC);
