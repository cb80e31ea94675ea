-- Consents: the append-only movements and the current state of each key.
-- Mirrors org.iys.domain.consent.ConsentMovement and Consent column for column (no DDL is
-- generated from the mappings). Instants are UTC wall-clock DATETIME(3), written through
-- UtcInstantConverter. Addresses and transaction ids are ASCII with binary collation, so the
-- unique key compares them exactly as the domain canonicalised them.

CREATE TABLE consent_movement (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  transaction_id     CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  iys_code           INT          NOT NULL,
  brand_code         INT          NOT NULL,
  recipient          VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient_type     VARCHAR(8)   NOT NULL,
  type               VARCHAR(6)   NOT NULL,
  status             VARCHAR(4)   NOT NULL,
  source             VARCHAR(32)  NULL,
  consent_date       DATETIME(3)  NULL,
  creation_date      DATETIME(3)  NOT NULL,
  retailer_code      INT          NULL,
  evidence_reference VARCHAR(100) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_consent_movement_transaction UNIQUE (transaction_id),
  CONSTRAINT ck_consent_movement_recipient_type CHECK (recipient_type IN ('BIREYSEL', 'TACIR')),
  CONSTRAINT ck_consent_movement_type CHECK (type IN ('MESAJ', 'ARAMA', 'EPOSTA')),
  CONSTRAINT ck_consent_movement_status CHECK (status IN ('ONAY', 'RET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The history of one key, newest last.
CREATE INDEX ix_consent_movement_key
  ON consent_movement (brand_code, recipient, recipient_type, type, creation_date);

-- The pull of changes and the daily file: a brand's movements by creation date, then id.
CREATE INDEX ix_consent_movement_pull
  ON consent_movement (brand_code, creation_date, transaction_id);

-- A recipient's history across every brand.
CREATE INDEX ix_consent_movement_recipient
  ON consent_movement (recipient, creation_date);

CREATE TABLE consent (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  version        BIGINT       NOT NULL,
  iys_code       INT          NOT NULL,
  brand_code     INT          NOT NULL,
  recipient      VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient_type VARCHAR(8)   NOT NULL,
  type           VARCHAR(6)   NOT NULL,
  status         VARCHAR(4)   NOT NULL,
  source         VARCHAR(32)  NULL,
  consent_date   DATETIME(3)  NULL,
  creation_date  DATETIME(3)  NOT NULL,
  transaction_id CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  retailer_code  INT          NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_consent_key UNIQUE (brand_code, recipient, recipient_type, type),
  CONSTRAINT ck_consent_status CHECK (status IN ('ONAY', 'RET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The check before sending and the status queries answer from here: one address, every brand.
CREATE INDEX ix_consent_recipient ON consent (recipient, type);

CREATE TABLE consent_retailer_access (
  consent_id    BIGINT NOT NULL,
  retailer_code INT    NOT NULL,
  PRIMARY KEY (consent_id, retailer_code),
  CONSTRAINT fk_consent_retailer_access_consent FOREIGN KEY (consent_id) REFERENCES consent (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A retailer may be deleted only while no consent names it.
CREATE INDEX ix_consent_retailer_access_retailer ON consent_retailer_access (retailer_code);
CREATE INDEX ix_consent_retailer ON consent (brand_code, retailer_code);
