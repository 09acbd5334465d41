-- Businesses added through the API (those of the configuration are not stored). The token is
-- kept encrypted (AES-256-GCM, base64 of nonce and ciphertext) beside the id of the key that
-- encrypted it.
create table businesses (
    id               text        primary key,
    name             text,
    paused           boolean     not null default false,
    token_ciphertext text        not null,
    token_key_id     text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- What upstream last said of each business's token: VALID after an accepted call, REJECTED
-- after error 190.
create table token_checks (
    business_id   text        primary key,
    status        text        not null,
    checked_at    timestamptz not null,
    error_message text
);

-- Every replica listens: a change to the businesses reaches all of them at once.
create function notify_businesses_changed() returns trigger as $$
begin
    perform pg_notify('businesses_changed', coalesce(new.id, old.id));
    return null;
end;
$$ language plpgsql;

create trigger businesses_changed after insert or update or delete on businesses
    for each row execute function notify_businesses_changed();
