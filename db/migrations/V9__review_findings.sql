-- Why a result is waiting for a human: the judge's findings [{code, severity, detail, span{start,end,text}}],
-- shown by the review queue with the offending words highlighted.
ALTER TABLE hitl_reviews ADD COLUMN findings JSONB NOT NULL DEFAULT '[]'::jsonb;
