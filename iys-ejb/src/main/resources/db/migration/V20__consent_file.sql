-- Bulk consent files: one row per received file, and one report row per data line of it.
-- The raw-line table of the first skeleton is replaced by these.

DROP TABLE consent_file_line;

-- status: WAITING (received, no job yet), RUNNING (claimed by one instance, job started),
-- COMPLETED, FAILED. A file moves from WAITING to RUNNING only through a conditional UPDATE,
-- so among several instances exactly one starts its job.
CREATE TABLE consent_file (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  iys_code       INT          NOT NULL,
  brand_code     INT          NOT NULL,
  sha256         CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  file_name      VARCHAR(255) NULL,
  stored_path    VARCHAR(1000) NOT NULL,
  size_bytes     BIGINT       NOT NULL,
  status         VARCHAR(10)  NOT NULL,
  received_at    DATETIME(3)  NOT NULL,
  claimed_by     VARCHAR(100) NULL,
  execution_id   BIGINT       NULL,
  started_at     DATETIME(3)  NULL,
  progress_at    DATETIME(3)  NULL,
  finished_at    DATETIME(3)  NULL,
  chars_read     BIGINT       NOT NULL DEFAULT 0,
  rows_read      BIGINT       NOT NULL DEFAULT 0,
  rows_written   BIGINT       NOT NULL DEFAULT 0,
  rows_refused   BIGINT       NOT NULL DEFAULT 0,
  rows_warned    BIGINT       NOT NULL DEFAULT 0,
  failure        VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_consent_file_content UNIQUE (iys_code, brand_code, sha256),
  CONSTRAINT ck_consent_file_status CHECK (status IN ('WAITING', 'RUNNING', 'COMPLETED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_consent_file_status ON consent_file (status, received_at);

-- The report. Written in the same transaction as the chunk's movements, so the highest
-- line_number of a file is also the point an interrupted import resumes after.
-- consent_key is set only when the row's key fields were valid; a later row with the same key
-- in the same file is refused.
CREATE TABLE consent_file_row (
  file_id      BIGINT        NOT NULL,
  line_number  BIGINT        NOT NULL,
  record_number BIGINT       NOT NULL,
  consent_key  VARCHAR(300)  CHARACTER SET ascii COLLATE ascii_bin NULL,
  shown_key    VARCHAR(400)  NULL,
  outcome      VARCHAR(8)    NOT NULL,
  code         VARCHAR(10)   NULL,
  message      VARCHAR(1000) NULL,
  transaction_id CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NULL,
  PRIMARY KEY (file_id, line_number),
  CONSTRAINT fk_consent_file_row_file FOREIGN KEY (file_id) REFERENCES consent_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_consent_file_row_key ON consent_file_row (file_id, consent_key);
