-- Alertmanager: the alert as last pushed while firing (labels and annotations), so that an
-- alert that stops firing, or changes its labels, is posted once more as ended; and when a
-- replica last pushed, so that replicas take turns rather than all pushing.
alter table alerts add column alertmanager_alert jsonb;
create index alerts_ended_in_alertmanager_idx on alerts (id)
    where alertmanager_alert is not null and state <> 'FIRING';
create table alertmanager_pushes (
    id        integer     primary key check (id = 1),
    pushed_at timestamptz not null
);
insert into alertmanager_pushes (id, pushed_at) values (1, '-infinity');
create index alerts_firing_idx on alerts (id) where state = 'FIRING';
