-- Push webhooks: a brand's connections for one consent type, each with its own delivery cursor.
-- The cursor (the last delivered movement's creation date and transaction id) lives here, not in
-- a server's memory, so a restarted or different instance resumes exactly where delivery stopped.
-- lease_owner/lease_until mark the instance that is delivering to a connection right now; the
-- claim takes rows with SELECT ... FOR UPDATE SKIP LOCKED and only rows whose lease ran out.
-- Times are UTC (DATETIME(3)), compared with the database's own UTC clock so that instances with
-- drifting clocks agree on who holds a lease.

CREATE TABLE push_registration (
  id                       BIGINT        NOT NULL AUTO_INCREMENT,
  iys_code                 INT           NOT NULL,
  brand_code               INT           NOT NULL,
  type                     VARCHAR(6)    NOT NULL,
  url                      VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  username                 VARCHAR(255)  NOT NULL,
  password                 VARCHAR(255)  NOT NULL,
  status                   VARCHAR(9)    NOT NULL,
  register_time            DATETIME(3)   NOT NULL,
  removed_time             DATETIME(3)   NULL,
  delivered_creation_date  DATETIME(3)   NOT NULL,
  delivered_transaction_id CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  attempts                 INT           NOT NULL DEFAULT 0,
  next_attempt             DATETIME(3)   NOT NULL,
  lease_owner              VARCHAR(64)   NULL,
  lease_until              DATETIME(3)   NULL,
  last_error               VARCHAR(200)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_push_registration_type CHECK (type IN ('MESAJ', 'ARAMA', 'EPOSTA')),
  CONSTRAINT ck_push_registration_status CHECK (status IN ('CONNECTED', 'FAILED', 'REMOVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_push_registration_brand ON push_registration (brand_code, type, status);

-- The delivery worker's claim: connected registrations whose next attempt is due.
CREATE INDEX ix_push_registration_due ON push_registration (status, next_attempt);
