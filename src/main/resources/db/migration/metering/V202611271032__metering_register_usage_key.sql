-- The key pair RegisterUsage signs its answers with, by public key version (AWS's PublicKeyVersion). The first node
-- that needs a version creates it; the primary key makes every node of a cluster sign with the same key, whose public
-- half sellers build into their container images.
CREATE TABLE metering.register_usage_key (
    public_key_version integer     PRIMARY KEY CHECK (public_key_version >= 1),
    -- the RSA key pair as a JWK (RFC 7517, private members included), sealed with the master key (platform.SecretBox)
    sealed_jwk         bytea       NOT NULL,
    created_at         timestamptz NOT NULL
);
