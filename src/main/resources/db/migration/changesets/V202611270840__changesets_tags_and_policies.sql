-- Metadata the Catalog API keeps on its resources (change sets and entities): tags and resource policies. The engine
-- owns it because the Catalog API names resources by ARN, whatever module owns the entity; rows are the owner's only.
CREATE TABLE changesets.resource_tag (
    owner_party_id uuid         NOT NULL,
    resource_type  varchar(64)  NOT NULL,
    resource_id    varchar(255) NOT NULL,
    tag_key        varchar(128) NOT NULL,
    tag_value      varchar(256) NOT NULL,
    PRIMARY KEY (owner_party_id, resource_type, resource_id, tag_key)
);

CREATE TABLE changesets.resource_policy (
    owner_party_id uuid         NOT NULL,
    resource_type  varchar(64)  NOT NULL,
    resource_id    varchar(255) NOT NULL,
    policy         text         NOT NULL,
    PRIMARY KEY (owner_party_id, resource_type, resource_id)
);
