-- A number being deleted upstream is held back from reservations until the delete ends
-- (or, should its replica die, until this time passes).
alter table numbers add column deleting_until timestamptz;

-- Code requests and verifications are recorded as PENDING before upstream is called; the
-- per-number limits count them within a window.
create index verification_attempts_window_idx on verification_attempts (number_id, action, requested_at);

-- A delivery its receiver keeps refusing (4xx other than 408 and 429) ends DEAD after a few
-- refusals; the business's later deliveries go on.
alter table webhook_deliveries add column refusals integer not null default 0;
create index webhook_deliveries_dead_idx on webhook_deliveries (id) where status = 'DEAD';
