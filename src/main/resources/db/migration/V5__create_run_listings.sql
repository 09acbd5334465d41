-- The ids listed by a run in progress, to find the numbers a complete run no longer lists.
-- Unlogged: written once per number per run, it costs no WAL, and a crash that empties
-- it only loses runs that are failed anyway.
create unlogged table run_listings (
    run_id    bigint not null,
    number_id text   not null,
    primary key (run_id, number_id)
);
