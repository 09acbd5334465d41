-- How a run met upstream's limits: the page size it ended with (halved when upstream asks
-- for less data), and for a failed run, the attempts made and whether the circuit was open.
alter table sync_runs
    add column page_size          integer,
    add column error_attempts     integer,
    add column error_circuit_open boolean;
