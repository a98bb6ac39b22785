-- One platform call per post at a time: post_content takes the claim's attempt lease before it calls the
-- platform and gives it back when the call ends. A second call for the same task while the first is still
-- talking to the platform (a caller that timed out and retried, a publisher whose lease ran out) waits
-- instead of posting again; a lease whose holder died runs out, and the next call looks the post up first.
ALTER TABLE post_claims ADD COLUMN attempt_until TIMESTAMP WITH TIME ZONE;
