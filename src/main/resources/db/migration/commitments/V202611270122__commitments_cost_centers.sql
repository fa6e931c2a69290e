CREATE SCHEMA IF NOT EXISTS commitments;

-- A buyer organization's cost centers, to which its finance team charges back marketplace spend.
CREATE TABLE commitments.cost_center (
    id         varchar(20)  PRIMARY KEY,
    party_id   uuid         NOT NULL,
    code       varchar(40)  NOT NULL,
    name       varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE UNIQUE INDEX cost_center_code ON commitments.cost_center (party_id, lower(code));

-- One cost center per agreement: the agreement's charges are charged back to it.
CREATE TABLE commitments.cost_center_agreement (
    party_id       uuid        NOT NULL,
    agreement_id   varchar(40) NOT NULL,
    cost_center_id varchar(20) NOT NULL REFERENCES commitments.cost_center (id),
    PRIMARY KEY (party_id, agreement_id)
);

-- Usage allocated with the tag key=value is charged back to the cost center.
CREATE TABLE commitments.cost_center_tag (
    party_id       uuid         NOT NULL,
    tag_key        varchar(128) NOT NULL,
    tag_value      varchar(256) NOT NULL,
    cost_center_id varchar(20)  NOT NULL REFERENCES commitments.cost_center (id),
    PRIMARY KEY (party_id, tag_key, tag_value)
);
