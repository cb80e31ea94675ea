-- The subscription of each business: its package, its state and its consent quota, as the
-- subscription query answers them. status holds what staff set (ACTIVE, PAUSED, CLOSED); EXPIRED is
-- derived from expiration_date when read. The quota counts distinct addresses holding a consent of
-- the business, computed from consent when read, so nothing on the add path has to keep it.

CREATE TABLE subscription (
  iys_code             INT          NOT NULL,
  subscription_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
  package_name         VARCHAR(100) NOT NULL,
  status               VARCHAR(7)   NOT NULL,
  start_date           DATETIME(3)  NOT NULL,
  expiration_date      DATETIME(3)  NOT NULL,
  consent_limit        INT          NOT NULL,
  consent_limit_exceed BOOLEAN      NOT NULL,
  PRIMARY KEY (iys_code),
  CONSTRAINT uk_subscription_id UNIQUE (subscription_id),
  CONSTRAINT ck_subscription_status CHECK (status IN ('ACTIVE', 'PAUSED', 'CLOSED')),
  CONSTRAINT ck_subscription_limit CHECK (consent_limit >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Businesses approved before subscriptions existed get the package a new business gets
-- (org.iys.application.subscription.Subscriptions), running from their approval.
INSERT INTO subscription (iys_code, subscription_id, package_name, status, start_date,
                          expiration_date, consent_limit, consent_limit_exceed)
SELECT iys_code, UUID(), 'IYS Standard', 'ACTIVE', COALESCE(decided_at, UTC_TIMESTAMP(3)),
       DATE_ADD(COALESCE(decided_at, UTC_TIMESTAMP(3)), INTERVAL 1 YEAR), 250000, FALSE
  FROM business_application
 WHERE iys_code IS NOT NULL;
