-- What set each casualty figure's side, and the words that said it, so the claims ledger
-- can show it (rasd.document/1 `side_evidence`): basis is nationality, membership, others,
-- claimant, target or place. Rows stored before this step have none.
ALTER TABLE casualties ADD COLUMN side_basis TEXT;
ALTER TABLE casualties ADD COLUMN side_words TEXT;
