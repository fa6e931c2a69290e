-- The throttle becomes a fault: a party's calls to one operation are answered with the error the operator chose from
-- the operation's modeled errors (ThrottlingException, as every throttle so far, or e.g. InternalServerException),
-- for a number of calls or until cleared. One fault per party and operation, as there was one throttle.
ALTER TABLE platform.simulator_throttle RENAME TO simulator_fault;
ALTER TABLE platform.simulator_fault ADD COLUMN error_code text NOT NULL DEFAULT 'ThrottlingException';
