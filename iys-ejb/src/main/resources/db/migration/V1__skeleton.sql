CREATE TABLE business_application (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(250) NOT NULL,
  tax_number VARCHAR(11) NOT NULL,
  mersis_number VARCHAR(16),
  contact_email VARCHAR(265),
  contact_phone VARCHAR(15),
  contact_address VARCHAR(500),
  status VARCHAR(16) NOT NULL,
  applied_at DATETIME(6) NOT NULL,
  KEY business_application_applied (applied_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE complaint (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  complaint_number VARCHAR(40) NOT NULL,
  idempotency_key VARCHAR(128) NOT NULL,
  brand VARCHAR(250) NOT NULL,
  channel VARCHAR(10) NOT NULL,
  recipient VARCHAR(265) NOT NULL,
  received_at DATETIME(6) NOT NULL,
  message_text VARCHAR(2000),
  status VARCHAR(16) NOT NULL,
  registered_at DATETIME(6) NOT NULL,
  UNIQUE KEY complaint_number_unique (complaint_number),
  UNIQUE KEY complaint_idempotency_unique (idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE consent_file_line (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  import_id BIGINT NOT NULL,
  line_number BIGINT NOT NULL,
  recipient VARCHAR(265),
  consent_type VARCHAR(10),
  status VARCHAR(10),
  UNIQUE KEY consent_file_line_unique (import_id, line_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
