-- SigV4 signatures accepted within their five-minute validity: a signature seen again is a replayed request. One row
-- per signature makes the check hold across every node; rows are pruned once the signature has expired anyway.
CREATE TABLE platform.aws_request_signature (
    signature  char(64)    PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX aws_request_signature_expires ON platform.aws_request_signature (expires_at);
