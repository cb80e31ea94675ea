-- Retailers (dealers) of a brand. Mirrors org.iys.domain.retailer.Retailer column for column.
-- The code is 8 digits and unique across the registry (the consent API names a retailer by code
-- alone); identity and MERSIS numbers are unique within a brand.

CREATE TABLE retailer (
  retailer_code INT          NOT NULL,
  iys_code      INT          NOT NULL,
  brand_code    INT          NOT NULL,
  title         VARCHAR(255) NOT NULL,
  mersis        CHAR(16)     CHARACTER SET ascii NULL,
  alias         VARCHAR(255) NULL,
  name          VARCHAR(255) NOT NULL,
  tckn          CHAR(11)     CHARACTER SET ascii NOT NULL,
  mobile        VARCHAR(15)  CHARACTER SET ascii NULL,
  tin           VARCHAR(11)  CHARACTER SET ascii NOT NULL,
  city_code     VARCHAR(100) NOT NULL,
  city_name     VARCHAR(100) NOT NULL,
  town_code     VARCHAR(100) NOT NULL,
  town_name     VARCHAR(100) NOT NULL,
  status        VARCHAR(9)   NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (retailer_code),
  CONSTRAINT ck_retailer_code CHECK (retailer_code BETWEEN 10000000 AND 99999999),
  CONSTRAINT ck_retailer_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'PASSIVE')),
  CONSTRAINT uk_retailer_tckn UNIQUE (brand_code, tckn),
  CONSTRAINT uk_retailer_mersis UNIQUE (brand_code, mersis),
  CONSTRAINT fk_retailer_brand FOREIGN KEY (brand_code) REFERENCES brand (brand_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A brand's list, page by page in code order.
CREATE INDEX ix_retailer_brand ON retailer (brand_code, retailer_code);
