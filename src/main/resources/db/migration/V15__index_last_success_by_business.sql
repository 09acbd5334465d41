-- A number's last_seen_at is its business's last complete run, looked up for every row of
-- a numbers page: one index entry per business answers it.
create index sync_runs_succeeded_by_business_idx on sync_runs (business_id, id desc) where status = 'SUCCEEDED';
