-- Bulk consent requests and their per-item results, kept 60 days, and the memory of the v2 add
-- that makes a repeated body answer with the transaction id it got the first time.

CREATE TABLE consent_request (
  request_id   CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  iys_code     INT         NOT NULL,
  brand_code   INT         NOT NULL,
  api_version  TINYINT     NOT NULL,
  submitted_at DATETIME(3) NOT NULL,
  item_count   INT         NOT NULL,
  PRIMARY KEY (request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The daily clean-up removes requests past their 60 days.
CREATE INDEX ix_consent_request_submitted ON consent_request (submitted_at);

-- One row per item of a request: the change it asks for (already field-valid), then its outcome.
CREATE TABLE consent_request_item (
  request_id         CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  item_index         INT          NOT NULL,
  subrequest_id      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient          VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient_type     VARCHAR(8)   NOT NULL,
  type               VARCHAR(6)   NOT NULL,
  status             VARCHAR(4)   NOT NULL,
  source             VARCHAR(32)  NULL,
  consent_date       DATETIME(3)  NULL,
  retailer_code      INT          NULL,
  retailer_access    VARCHAR(1000) NULL,
  evidence_reference VARCHAR(100) NULL,
  outcome            VARCHAR(8)   NOT NULL,
  transaction_id     CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NULL,
  creation_date      DATETIME(3)  NULL,
  error_code         VARCHAR(8)   NULL,
  error_message      VARCHAR(500) NULL,
  original_request   CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NULL,
  original_subrequest CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NULL,
  original_single_v2 BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (request_id, item_index),
  CONSTRAINT fk_consent_request_item_request FOREIGN KEY (request_id)
    REFERENCES consent_request (request_id) ON DELETE CASCADE,
  CONSTRAINT ck_consent_request_item_outcome CHECK (outcome IN ('enqueue', 'success', 'failure'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- v2 adds: the fingerprint of a recorded change per brand, and where it was first recorded.
CREATE TABLE consent_idempotency (
  brand_code     INT         NOT NULL,
  fingerprint    CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  transaction_id CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  creation_date  DATETIME(3) NOT NULL,
  request_id     CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NULL,
  subrequest_id  CHAR(36)    CHARACTER SET ascii COLLATE ascii_bin NULL,
  PRIMARY KEY (brand_code, fingerprint)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_consent_idempotency_created ON consent_idempotency (creation_date);
