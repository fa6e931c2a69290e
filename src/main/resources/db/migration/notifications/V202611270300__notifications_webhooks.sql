-- Outbound webhooks. An endpoint belongs to one party and receives the event types it subscribed to; its signing
-- secret is sealed with the platform's master key (AES-GCM, bound to the endpoint id), since signing needs it back.
CREATE TABLE notifications.webhook_endpoint (
    id           varchar(30)   PRIMARY KEY,
    party_id     uuid          NOT NULL,
    url          varchar(2000) NOT NULL,
    event_types  jsonb         NOT NULL,
    active       boolean       NOT NULL,
    secret_box   bytea         NOT NULL,
    created_at   timestamptz   NOT NULL,
    secret_rotated_at timestamptz NOT NULL
);
CREATE INDEX webhook_endpoint_party ON notifications.webhook_endpoint (party_id, created_at);

-- The outbox: one row per event and subscribed endpoint, written in the transaction of the listener that heard the
-- event, so an event is either queued for every endpoint or its publication stays incomplete and is retried.
-- body is the exact JSON that is signed and sent. A replay is a new row (replay_of) with a fresh attempt chain; the
-- first delivery of an event to an endpoint is unique, so a redelivered event queues nothing twice.
CREATE TABLE notifications.webhook_delivery (
    id              varchar(30)  PRIMARY KEY,
    endpoint_id     varchar(30)  NOT NULL REFERENCES notifications.webhook_endpoint (id),
    party_id        uuid         NOT NULL,
    event_id        uuid         NOT NULL,
    event_type      varchar(50)  NOT NULL,
    body            text         NOT NULL,
    state           varchar(10)  NOT NULL,
    attempts        int          NOT NULL,
    next_attempt_at timestamptz,
    give_up_at      timestamptz  NOT NULL,
    replay_of       varchar(30),
    created_at      timestamptz  NOT NULL
);
CREATE UNIQUE INDEX webhook_delivery_once ON notifications.webhook_delivery (endpoint_id, event_id) WHERE replay_of IS NULL;
CREATE INDEX webhook_delivery_due ON notifications.webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_party ON notifications.webhook_delivery (party_id, created_at DESC);

-- The delivery log: every attempt with the receiver's status code (absent when no answer came), latency and error.
CREATE TABLE notifications.webhook_attempt (
    delivery_id   varchar(30)  NOT NULL REFERENCES notifications.webhook_delivery (id),
    attempt       int          NOT NULL,
    attempted_at  timestamptz  NOT NULL,
    status_code   int,
    latency_ms    bigint       NOT NULL,
    error         varchar(500),
    PRIMARY KEY (delivery_id, attempt)
);
