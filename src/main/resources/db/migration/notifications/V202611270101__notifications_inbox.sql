CREATE SCHEMA IF NOT EXISTS notifications;

-- In-app notifications. A notification is for one user (recipient_user), or for every user of the party holding a
-- role (recipient_role), or for every user of the party (neither). It stores a message key and its arguments, not
-- text, so each reader sees it in their own language. read_at is set once, by a user it is for; a notification for
-- a role or a party counts as read for all once one of them reads it, like a shared team inbox.
CREATE TABLE notifications.inbox (
    id               uuid         PRIMARY KEY,
    recipient_party  uuid         NOT NULL,
    recipient_user   uuid,
    recipient_role   varchar(30),
    message_key      varchar(100) NOT NULL,
    message_args     jsonb        NOT NULL,
    link             varchar(500),
    source_key       varchar(200) NOT NULL UNIQUE,
    created_at       timestamptz  NOT NULL,
    read_at          timestamptz
);
CREATE INDEX inbox_party_recent ON notifications.inbox (recipient_party, created_at DESC);
