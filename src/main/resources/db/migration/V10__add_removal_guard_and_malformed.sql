-- The removal guard: a complete run that would remove an implausible share of a pool holds
-- those numbers (removal_held) until the next complete run confirms it; the run counts
-- them in removals_held. malformed counts records kept without a field that could not be read.
alter table sync_runs
    add column removals_held integer not null default 0,
    add column malformed     integer not null default 0;

alter table numbers
    add column removal_held boolean not null default false;
