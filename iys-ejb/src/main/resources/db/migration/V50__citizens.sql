-- Citizens: proving an address with a one-time code, sessions over proven addresses, throttling
-- counters, SMS keywords received, reject links and the registry's shared signing keys, and the
-- business ONAYs refused over a citizen's own rejection. Everything that several instances must
-- agree on lives here. Instants are UTC DATETIME(3). Codes and session tokens are stored only as
-- keyed or plain SHA-256 hashes, never in the clear.

CREATE TABLE citizen_verification (
  id            CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  address       VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  code_hash     CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created       DATETIME(3)  NOT NULL,
  expires       DATETIME(3)  NOT NULL,
  wrong_tries   INT          NOT NULL DEFAULT 0,
  confirmed_at  DATETIME(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_citizen_verification_created (created)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE citizen_session (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  token_hash  CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created     DATETIME(3) NOT NULL,
  expires     DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_citizen_session_token UNIQUE (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE citizen_session_address (
  session_id  BIGINT       NOT NULL,
  address     VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  verified_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (session_id, address),
  CONSTRAINT fk_citizen_session_address FOREIGN KEY (session_id) REFERENCES citizen_session (id)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Fixed-window counters: one row per bucket (an address's hash or a client address) and window.
CREATE TABLE citizen_throttle (
  bucket       VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  window_start DATETIME(3)  NOT NULL,
  hits         INT          NOT NULL,
  PRIMARY KEY (bucket, window_start),
  KEY ix_citizen_throttle_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The gateway's message id is the idempotency key of an inbound SMS.
CREATE TABLE sms_inbound (
  message_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  received   DATETIME(3)  NOT NULL,
  outcome    VARCHAR(24)  NOT NULL,
  PRIMARY KEY (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Keys every instance signs and checks with; the first instance to need one creates it.
CREATE TABLE registry_secret (
  name    VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  secret  VARBINARY(64) NOT NULL,
  created DATETIME(3)   NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reject_link (
  id              CHAR(22)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  iys_code        INT          NOT NULL,
  brand_code      INT          NOT NULL,
  recipient       VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient_type  VARCHAR(8)   NOT NULL,
  type            VARCHAR(6)   NOT NULL,
  transaction_id  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created         DATETIME(3)  NOT NULL,
  expires         DATETIME(3)  NOT NULL,
  used_at         DATETIME(3)  NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE protected_rejection (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  iys_code       INT          NOT NULL,
  brand_code     INT          NOT NULL,
  recipient      VARCHAR(265) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  recipient_type VARCHAR(8)   NOT NULL,
  type           VARCHAR(6)   NOT NULL,
  attempted_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_protected_rejection_attempted (attempted_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
