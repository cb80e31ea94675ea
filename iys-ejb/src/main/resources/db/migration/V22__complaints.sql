-- Complaints judged against the consent history, their evidence and sanctions, the fine table,
-- the staff audit trail, the outbox of notifications and the record of messages that failed.
-- Instants are UTC wall-clock DATETIME(3), written through UtcInstantConverter.

ALTER TABLE complaint
  MODIFY status        VARCHAR(24)  NOT NULL,
  ADD    brand_code    INT          NULL,
  ADD    sender_id     VARCHAR(20)  NULL,
  ADD    verdict       VARCHAR(16)  NULL,
  ADD    ground        VARCHAR(32)  NULL,
  ADD    verdict_reason VARCHAR(500) NULL,
  ADD    judged_at     DATETIME(3)  NULL,
  ADD    version       BIGINT       NOT NULL DEFAULT 0;

CREATE INDEX ix_complaint_brand ON complaint (brand_code, judged_at);

-- The movements a verdict relied on, by transaction id: the verdict can be re-read in court even
-- after later movements changed the consent.
CREATE TABLE complaint_evidence (
  complaint_id   BIGINT   NOT NULL,
  transaction_id CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (complaint_id, transaction_id),
  CONSTRAINT fk_complaint_evidence_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every failed attempt to process a queued complaint, written in its own transaction so that it
-- survives the rollback that sends the message back to the broker; the dead-letter listing shows
-- the latest reason per message id.
CREATE TABLE complaint_failure (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  message_id     VARCHAR(100)  NOT NULL,
  delivery_count INT           NOT NULL,
  reason         VARCHAR(1000) NOT NULL,
  failed_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_complaint_failure_message (message_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Fines as data: one amount per article, year, and number of the brand's confirmed violations
-- in the twelve months before (the row with the largest threshold not above the count applies).
-- The Ministry revalues amounts every year; a new year is a new migration with new rows.
CREATE TABLE fine_schedule (
  article              VARCHAR(32)   NOT NULL,
  valid_year           INT           NOT NULL,
  min_prior_violations INT           NOT NULL,
  amount               DECIMAL(14,2) NOT NULL,
  description          VARCHAR(250)  NOT NULL,
  PRIMARY KEY (article, valid_year, min_prior_violations)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO fine_schedule (article, valid_year, min_prior_violations, amount, description) VALUES
  ('NO_CONSENT', 2025, 0,  21000.00, 'Commercial message sent without the recipient''s consent'),
  ('NO_CONSENT', 2025, 1,  42000.00, 'Commercial message sent without the recipient''s consent'),
  ('NO_CONSENT', 2025, 5, 105000.00, 'Commercial message sent without the recipient''s consent'),
  ('AFTER_RET',  2025, 0,  21000.00, 'Commercial message sent after the stop window of a rejection'),
  ('AFTER_RET',  2025, 1,  42000.00, 'Commercial message sent after the stop window of a rejection'),
  ('AFTER_RET',  2025, 5, 105000.00, 'Commercial message sent after the stop window of a rejection'),
  ('NO_CONSENT', 2026, 0,  27300.00, 'Commercial message sent without the recipient''s consent'),
  ('NO_CONSENT', 2026, 1,  54600.00, 'Commercial message sent without the recipient''s consent'),
  ('NO_CONSENT', 2026, 5, 136500.00, 'Commercial message sent without the recipient''s consent'),
  ('AFTER_RET',  2026, 0,  27300.00, 'Commercial message sent after the stop window of a rejection'),
  ('AFTER_RET',  2026, 1,  54600.00, 'Commercial message sent after the stop window of a rejection'),
  ('AFTER_RET',  2026, 5, 136500.00, 'Commercial message sent after the stop window of a rejection');

CREATE TABLE sanction_proposal (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  version          BIGINT        NOT NULL DEFAULT 0,
  complaint_id     BIGINT        NOT NULL,
  brand_code       INT           NOT NULL,
  article          VARCHAR(32)   NOT NULL,
  amount           DECIMAL(14,2) NOT NULL,
  prior_violations INT           NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  proposed_at      DATETIME(3)   NOT NULL,
  decided_by       VARCHAR(100)  NULL,
  decided_at       DATETIME(3)   NULL,
  decision_reason  VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_sanction_proposal_complaint UNIQUE (complaint_id),
  CONSTRAINT fk_sanction_proposal_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
  CONSTRAINT ck_sanction_proposal_status CHECK (status IN ('PROPOSED', 'CONFIRMED', 'DISMISSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The escalation count: a brand's confirmed sanctions by decision time.
CREATE INDEX ix_sanction_proposal_brand ON sanction_proposal (brand_code, status, decided_at);

-- Who decided what, when: one row per staff decision, never updated.
CREATE TABLE audit_entry (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  actor        VARCHAR(100)  NOT NULL,
  action       VARCHAR(40)   NOT NULL,
  subject_type VARCHAR(40)   NOT NULL,
  subject_id   VARCHAR(100)  NOT NULL,
  detail       VARCHAR(1000) NULL,
  at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_audit_entry_subject (subject_type, subject_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Messages to people, written in the transaction that decided to send them and sent afterwards
-- by a dispatcher; any feature may add rows.
CREATE TABLE outbox_message (
  id        BIGINT        NOT NULL AUTO_INCREMENT,
  channel   VARCHAR(8)    NOT NULL,
  recipient VARCHAR(265)  NOT NULL,
  text      VARCHAR(1000) NOT NULL,
  created   DATETIME(3)   NOT NULL,
  sent_at   DATETIME(3)   NULL,
  PRIMARY KEY (id),
  KEY ix_outbox_message_unsent (sent_at, id),
  CONSTRAINT ck_outbox_message_channel CHECK (channel IN ('SMS', 'EPOSTA'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
