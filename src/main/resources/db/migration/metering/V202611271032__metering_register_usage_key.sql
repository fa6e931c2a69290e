-- The key pair RegisterUsage signs its answers with, by public key version (AWS's PublicKeyVersion). The first node
-- that needs a version creates it; the primary key makes every node of a cluster sign with the same key, whose public
-- half sellers build into their container images.
CREATE TABLE metering.register_usage_key (
    public_key_version integer     PRIMARY KEY CHECK (public_key_version >= 1),
    -- PKCS#8 and X.509 (SubjectPublicKeyInfo) DER encodings of an RSA key pair
    private_key        bytea       NOT NULL,
    public_key         bytea       NOT NULL,
    created_at         timestamptz NOT NULL
);
