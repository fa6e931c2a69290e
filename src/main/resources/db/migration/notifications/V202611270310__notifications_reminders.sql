-- Reminders due before an offer expires or an agreement ends. Rows are planned from the offers' and agreements'
-- events when the offer is released or the agreement accepted; one row per subject and lead time (the unique key makes
-- planning idempotent), claimed once by whichever node runs the due work (sent_at), or cancelled when the subject
-- ends early.
CREATE TABLE notifications.reminder (
    id              uuid         PRIMARY KEY,
    kind            varchar(30)  NOT NULL,
    subject_id      varchar(60)  NOT NULL,
    days_before     integer      NOT NULL,
    due_at          timestamptz  NOT NULL,
    subject_end     timestamptz  NOT NULL,
    seller_party    uuid         NOT NULL,
    product_id      varchar(60)  NOT NULL,
    buyer_accounts  jsonb        NOT NULL,
    sent_at         timestamptz,
    cancelled       boolean      NOT NULL DEFAULT false,
    UNIQUE (kind, subject_id, days_before)
);
CREATE INDEX reminder_due ON notifications.reminder (due_at) WHERE sent_at IS NULL AND NOT cancelled;

-- A user's choices for e-mail: whether they want it, and in which language. Users without a row get e-mail in
-- English.
CREATE TABLE notifications.mail_preference (
    user_id        uuid        PRIMARY KEY,
    party_id       uuid        NOT NULL,
    email_enabled  boolean     NOT NULL,
    language       varchar(10) NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- E-mails to send (an outbox): written in the transaction that decides to notify, sent by the mail due work. A
-- message key and its arguments, rendered at sending in the recipient's language.
CREATE TABLE notifications.mail (
    id              uuid         PRIMARY KEY,
    source_key      varchar(200) NOT NULL UNIQUE,
    recipient_user  uuid         NOT NULL,
    to_address      varchar(254) NOT NULL,
    language        varchar(10)  NOT NULL,
    message_key     varchar(100) NOT NULL,
    message_args    jsonb        NOT NULL,
    link            varchar(500),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(1000),
    failed          boolean      NOT NULL DEFAULT false
);
CREATE INDEX mail_pending ON notifications.mail (created_at) WHERE sent_at IS NULL AND NOT failed;
