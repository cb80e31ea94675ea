-- The fine table belongs to the operator: staff with the admin role change it over REST, and each
-- row records who set it and when. The amounts the first migration shipped are placeholders that
-- make a fresh installation work end to end; they are not official figures, and the rows say so
-- (set_by stays NULL until an administrator sets the amount in force).
ALTER TABLE fine_schedule
  ADD set_by VARCHAR(100) NULL,
  ADD set_at DATETIME(3)  NULL;

UPDATE fine_schedule
  SET description = CONCAT(description,
        ' (placeholder shipped with iys; the operator sets the amount in force)')
  WHERE set_by IS NULL;
