-- One unsolicited message is fined at most once, however many complaints report it. The
-- fingerprint (SHA-256 of brand code, channel, normalised recipient and arrival instant) is unique,
-- so two complaints judged at the same moment cannot both propose a fine: the loser's transaction
-- fails, its message is redelivered and then finds the winner's proposal.
-- Proposals made before this migration keep a NULL fingerprint (NULLs do not collide): they were
-- proposed one per complaint and are left as staff see them.
ALTER TABLE sanction_proposal
  ADD message_fingerprint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD CONSTRAINT uk_sanction_proposal_message UNIQUE (message_fingerprint);

-- Every upheld complaint points at the proposal for its message: its own, or the one an earlier
-- report of the same message made.
ALTER TABLE complaint
  ADD sanction_proposal_id BIGINT NULL,
  ADD CONSTRAINT fk_complaint_sanction_proposal
    FOREIGN KEY (sanction_proposal_id) REFERENCES sanction_proposal (id);

UPDATE complaint c JOIN sanction_proposal s ON s.complaint_id = c.id
  SET c.sanction_proposal_id = s.id;
