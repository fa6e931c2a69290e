CREATE SCHEMA IF NOT EXISTS platform;

-- One row: how far the simulated clock runs ahead of real time. It only grows.
CREATE TABLE platform.simulation_clock (
    id            smallint PRIMARY KEY CHECK (id = 1),
    offset_millis bigint   NOT NULL CHECK (offset_millis >= 0)
);
