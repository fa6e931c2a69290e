-- A seller's request to cancel an agreement early, which the buyer approves or rejects. One request per agreement
-- waits at a time.
CREATE TABLE agreements.cancellation_request (
    id                  varchar(29)   PRIMARY KEY CHECK (id ~ '^acr-[a-z0-9]{25}$'),
    agreement_id        varchar(30)   NOT NULL REFERENCES agreements.agreement (id),
    proposer_party_id   uuid          NOT NULL,
    acceptor_party_id   uuid          NOT NULL,
    acceptor_account_id varchar(12)   NOT NULL,
    reason_code         varchar(30)   NOT NULL,
    description         varchar(2000),
    status              varchar(17)   NOT NULL
        CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'CANCELLED', 'VALIDATION_FAILED')),
    status_message      varchar(2000),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE UNIQUE INDEX cancellation_request_one_pending ON agreements.cancellation_request (agreement_id)
    WHERE status = 'PENDING_APPROVAL';
CREATE INDEX cancellation_request_proposer ON agreements.cancellation_request (proposer_party_id, created_at);
CREATE INDEX cancellation_request_acceptor ON agreements.cancellation_request (acceptor_party_id, created_at);

-- A seller's request for a payment under an agreement's variable payment term. Approval adds a due charge; with
-- AUTO_APPROVE_ON_EXPIRATION a pending request is approved at auto_approve_at.
CREATE TABLE agreements.payment_request (
    id                       varchar(28)   PRIMARY KEY CHECK (id ~ '^pr-[a-z0-9]{25}$'),
    agreement_id             varchar(30)   NOT NULL REFERENCES agreements.agreement (id),
    term_id                  varchar(256)  NOT NULL,
    proposer_party_id        uuid          NOT NULL,
    acceptor_party_id        uuid          NOT NULL,
    acceptor_account_id      varchar(12)   NOT NULL,
    name                     varchar(64)   NOT NULL,
    description              varchar(2000),
    currency_code            varchar(3)    NOT NULL,
    charge_amount            numeric       NOT NULL CHECK (charge_amount > 0),
    status                   varchar(17)   NOT NULL
        CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'CANCELLED', 'VALIDATION_FAILED')),
    status_message           varchar(2000),
    charge_id                varchar(20),
    purchase_order_reference varchar(200),
    auto_approve_at          timestamptz,
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX payment_request_agreement ON agreements.payment_request (agreement_id, status);
CREATE INDEX payment_request_proposer ON agreements.payment_request (proposer_party_id, created_at);
CREATE INDEX payment_request_acceptor ON agreements.payment_request (acceptor_party_id, created_at);
CREATE INDEX payment_request_auto_approve ON agreements.payment_request (auto_approve_at)
    WHERE status = 'PENDING_APPROVAL' AND auto_approve_at IS NOT NULL;
