-- Spring Session JDBC's PostgreSQL schema (org/springframework/session/jdbc/schema-postgresql.sql), in the platform
-- schema. Sessions live in the database so that any node serves any signed-in user: no sticky sessions (ADR 0043).
-- Flyway owns it rather than Spring Session's initializer, so that schema changes are reviewed like every other.
CREATE TABLE platform.spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON platform.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON platform.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON platform.spring_session (principal_name);

CREATE TABLE platform.spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES platform.spring_session (primary_id) ON DELETE CASCADE
);
