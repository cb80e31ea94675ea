-- Businesses, brands, staff and API accounts, OAuth2 tokens and the failed-login counter.
-- Mirrors org.iys.domain.business and org.iys.domain.access; tokens are written by SQL only.

-- One sequence for iysCodes and brand codes: a master brand's code equals its business's iysCode,
-- so both must come from one source to stay unique. Six digits; the database assigns them, so every
-- server instance draws from the same counter.
CREATE SEQUENCE party_code START WITH 600001 INCREMENT BY 1 MINVALUE 600001 MAXVALUE 999999
  NOCACHE NOCYCLE;

ALTER TABLE business_application
  ADD COLUMN iys_code INT NULL,
  ADD COLUMN decided_at DATETIME(6) NULL,
  ADD COLUMN decided_by VARCHAR(64) NULL,
  ADD COLUMN rejection_reason VARCHAR(500) NULL,
  ADD CONSTRAINT uk_business_application_iys_code UNIQUE (iys_code),
  ADD KEY ix_business_application_status (status, applied_at),
  ADD KEY ix_business_application_tax_number (tax_number);

CREATE TABLE brand (
  brand_code INT          NOT NULL,
  iys_code   INT          NOT NULL,
  name       VARCHAR(250) NOT NULL,
  master     BOOLEAN      NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (brand_code),
  CONSTRAINT uk_brand_name UNIQUE (iys_code, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  roles         VARCHAR(64)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_staff_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE api_user (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  iys_code      INT          NOT NULL,
  username      VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_api_user_username UNIQUE (username),
  KEY ix_api_user_iys_code (iys_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tokens are opaque random strings; only their SHA-256 is stored, so a copy of this table grants
-- nothing. kind: A = access, R = refresh. A refresh token is spent by setting used_at, exactly once.
CREATE TABLE oauth_token (
  token_hash  CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind        CHAR(1)     NOT NULL,
  api_user_id BIGINT      NOT NULL,
  iys_code    INT         NOT NULL,
  issued_at   DATETIME(3) NOT NULL,
  expires_at  DATETIME(3) NOT NULL,
  used_at     DATETIME(3) NULL,
  PRIMARY KEY (token_hash),
  KEY ix_oauth_token_expires (expires_at),
  CONSTRAINT ck_oauth_token_kind CHECK (kind IN ('A', 'R'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Consecutive failed logins per account, shared by every instance; realm is STAFF or API.
CREATE TABLE login_failure (
  realm           VARCHAR(8)   NOT NULL,
  username        VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  failures        INT          NOT NULL,
  last_failure_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (realm, username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
