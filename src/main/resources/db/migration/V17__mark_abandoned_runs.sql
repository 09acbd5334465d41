-- A run ended as abandoned (its replica died before it ended) has no known end: the time it was
-- marked must not count as the business's last run, or the next run would wait an interval.
alter table sync_runs add column abandoned boolean not null default false;

update sync_runs set abandoned = true where status = 'FAILED' and error_message like 'Abandoned:%';
