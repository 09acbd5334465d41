-- when each business's pool was last listed completely, kept by the numbers module itself: a listed
-- number was last seen then, and reading it needs no look at another module's runs
create table complete_listings (
    business_id  text        primary key,
    completed_at timestamptz not null
);

insert into complete_listings (business_id, completed_at)
select business_id, max(finished_at) from sync_runs
where status = 'SUCCEEDED' and finished_at is not null
group by business_id;
