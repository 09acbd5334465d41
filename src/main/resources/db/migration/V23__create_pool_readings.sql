-- the trend of each business's pool: its last reading in every hour, kept for 30 days
create table pool_readings (
    business_id text        not null,
    hour        timestamptz not null,
    offerable   bigint      not null,
    held        bigint      not null,
    primary key (business_id, hour)
);

create index pool_readings_hour_idx on pool_readings (hour);
