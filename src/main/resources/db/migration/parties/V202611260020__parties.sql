CREATE SCHEMA IF NOT EXISTS parties;

CREATE TABLE parties.party (
    id         uuid PRIMARY KEY,
    kind       varchar(20)  NOT NULL CHECK (kind IN ('OPERATOR', 'SELLER', 'CHANNEL_PARTNER', 'BUYER')),
    name       varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE UNIQUE INDEX party_name ON parties.party (lower(name));
-- There is exactly one marketplace operator.
CREATE UNIQUE INDEX one_operator ON parties.party (kind) WHERE kind = 'OPERATOR';

-- A buyer organization's tree of organizational units; the root has no parent.
CREATE TABLE parties.organizational_unit (
    id        uuid PRIMARY KEY,
    party_id  uuid         NOT NULL REFERENCES parties.party (id),
    parent_id uuid REFERENCES parties.organizational_unit (id),
    name      varchar(200) NOT NULL,
    UNIQUE (party_id, parent_id, name)
);

CREATE TABLE parties.account (
    id         char(12) PRIMARY KEY CHECK (id ~ '^[0-9]{12}$'),
    party_id   uuid         NOT NULL REFERENCES parties.party (id),
    name       varchar(200) NOT NULL,
    kind       varchar(20)  NOT NULL CHECK (kind IN ('MANAGEMENT', 'MEMBER')),
    unit_id    uuid REFERENCES parties.organizational_unit (id),
    created_at timestamptz  NOT NULL
);
CREATE INDEX account_party ON parties.account (party_id);
-- An organization has one management account, which pays for its member accounts.
CREATE UNIQUE INDEX one_management_account ON parties.account (party_id) WHERE kind = 'MANAGEMENT';

CREATE TABLE parties.app_user (
    id                   uuid PRIMARY KEY,
    party_id             uuid         NOT NULL REFERENCES parties.party (id),
    email                varchar(254) NOT NULL,
    display_name         varchar(200) NOT NULL,
    password_hash        varchar(200),
    status               varchar(20)  NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED')),
    invitation_hash      char(64),
    invitation_expires_at timestamptz,
    created_at           timestamptz  NOT NULL
);
CREATE UNIQUE INDEX app_user_email ON parties.app_user (lower(email));
CREATE INDEX app_user_party ON parties.app_user (party_id);
CREATE UNIQUE INDEX app_user_invitation ON parties.app_user (invitation_hash) WHERE invitation_hash IS NOT NULL;

-- A role held by a user; account_id narrows a buyer role to one account, NULL means every account of the party.
CREATE TABLE parties.role_grant (
    user_id    uuid        NOT NULL REFERENCES parties.app_user (id),
    role       varchar(30) NOT NULL,
    account_id char(12) REFERENCES parties.account (id)
);
CREATE UNIQUE INDEX role_grant_unique ON parties.role_grant (user_id, role, coalesce(account_id, ''));

-- Bearer API keys: the secret is stored only as its SHA-256 hash.
CREATE TABLE parties.api_key (
    id          varchar(20)  PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES parties.app_user (id),
    party_id    uuid         NOT NULL REFERENCES parties.party (id),
    name        varchar(100) NOT NULL,
    secret_hash char(64)     NOT NULL,
    created_at  timestamptz  NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_key_user ON parties.api_key (user_id);

-- SigV4 access keys: the signing secret must be recoverable to verify signatures, so it is encrypted
-- (AES-256-GCM under the configured master key) rather than hashed.
CREATE TABLE parties.access_key (
    id                varchar(20) PRIMARY KEY,
    user_id           uuid        NOT NULL REFERENCES parties.app_user (id),
    party_id          uuid        NOT NULL REFERENCES parties.party (id),
    secret_ciphertext bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    revoked_at        timestamptz
);
CREATE INDEX access_key_user ON parties.access_key (user_id);
