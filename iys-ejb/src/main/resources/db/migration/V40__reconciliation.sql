-- Reconciliation: the frozen daily movement files of each brand with their hash chain and the
-- business's agreement, and the comparisons of a business's own list with the registry.

-- One row per brand and finished day, written once and never changed: the day's file hash, the
-- chain hash that covers every earlier day, and how many movements the file holds.
-- agreed_at is set when the business agrees with that day's file.
CREATE TABLE daily_movement_file (
  brand_code          INT         NOT NULL,
  report_date         DATE        NOT NULL,
  iys_code            INT         NOT NULL,
  row_count           BIGINT      NOT NULL,
  file_hash           CHAR(96)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  previous_chain_hash CHAR(96)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  chain_hash          CHAR(96)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  frozen_at           DATETIME(3) NOT NULL,
  agreed_at           DATETIME(3) NULL,
  PRIMARY KEY (brand_code, report_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The nightly freezing of a day runs on the one instance whose insert of that day succeeds.
CREATE TABLE daily_movement_claim (
  report_date DATE         NOT NULL,
  claimed_by  VARCHAR(100) NOT NULL,
  claimed_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (report_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- status: RUNNING, COMPLETED, FAILED.
CREATE TABLE list_comparison (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  iys_code               INT           NOT NULL,
  brand_code             INT           NOT NULL,
  file_name              VARCHAR(255)  NULL,
  stored_path            VARCHAR(1000) NOT NULL,
  status                 VARCHAR(10)   NOT NULL,
  received_at            DATETIME(3)   NOT NULL,
  execution_id           BIGINT        NULL,
  finished_at            DATETIME(3)   NULL,
  rows_read              BIGINT        NOT NULL DEFAULT 0,
  failure                VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_list_comparison_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The keys the business listed, so that the registry's keys missing from the list are found with
-- one anti-join after the list has been read.
CREATE TABLE list_comparison_key (
  comparison_id BIGINT       NOT NULL,
  consent_key   VARCHAR(300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  line_number   BIGINT       NOT NULL,
  PRIMARY KEY (comparison_id, consent_key),
  CONSTRAINT fk_list_comparison_key FOREIGN KEY (comparison_id) REFERENCES list_comparison (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- kind: MISSING_IN_REGISTRY, MISSING_AT_BUSINESS, DIFFERENT_STATUS, REJECTION_NOT_APPLIED,
-- UNREADABLE. One row per key (or per unreadable line), so a chunk written again adds nothing.
CREATE TABLE list_comparison_difference (
  comparison_id   BIGINT        NOT NULL,
  entry           VARCHAR(300)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind            VARCHAR(24)   NOT NULL,
  line_number     BIGINT        NULL,
  recipient_type  VARCHAR(8)    NULL,
  type            VARCHAR(6)    NULL,
  recipient       VARCHAR(400)  NULL,
  business_status VARCHAR(4)    NULL,
  registry_status VARCHAR(4)    NULL,
  registry_source VARCHAR(32)   NULL,
  registry_date   DATETIME(3)   NULL,
  message         VARCHAR(1000) NULL,
  PRIMARY KEY (comparison_id, entry),
  CONSTRAINT fk_list_comparison_difference FOREIGN KEY (comparison_id) REFERENCES list_comparison (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_list_comparison_difference_kind
  ON list_comparison_difference (comparison_id, kind, line_number);
