-- Every pre-verified number ever seen, keyed by its upstream id.
-- last_seen_at is written only when a number is removed: for a listed number it is the
-- time of its business's last complete run, derived from sync_runs.
create table numbers (
    id                       text        primary key,
    business_id              text        not null,
    phone_number             text,
    phone_number_e164        text,
    code_verification_status text,
    code_verification_time   timestamptz,
    verification_expiry_time timestamptz,
    owner_business_id        text,
    owner_business_name      text,
    first_seen_at            timestamptz not null,
    last_seen_at             timestamptz,
    removed_at               timestamptz
);

create index numbers_business_id_idx on numbers (business_id, id);
create index numbers_phone_number_e164_idx on numbers (phone_number_e164);
create index numbers_phone_number_idx on numbers (phone_number);
create index numbers_verification_expiry_time_idx on numbers (verification_expiry_time);
