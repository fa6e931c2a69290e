-- Responses to POSTs sent with an Idempotency-Key, replayed when the same client sends the same request again.
CREATE TABLE platform.idempotent_request (
    user_id      uuid         NOT NULL,
    key          varchar(255) NOT NULL,
    fingerprint  char(64)     NOT NULL,
    status       smallint,
    content_type varchar(200),
    body         bytea,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotent_request_created ON platform.idempotent_request (created_at);
