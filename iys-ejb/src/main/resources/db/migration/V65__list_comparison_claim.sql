-- A comparison survives its server: claimed_by names the instance running it, so that instance
-- continues it after a restart, and progress_at tells a stalled run from a live one. rows_read is
-- committed with each chunk's differences and is where a continued run starts reading again.
ALTER TABLE list_comparison
  ADD COLUMN claimed_by  VARCHAR(100) NULL,
  ADD COLUMN progress_at DATETIME(3)  NULL;

CREATE INDEX ix_list_comparison_running ON list_comparison (status, claimed_by);
