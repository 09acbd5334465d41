-- One row per change of status, expiry or removal of a number.
create sequence number_history_seq increment by 50;

create table number_history (
    id                           bigint      primary key,
    number_id                    text        not null references numbers (id),
    run_id                       bigint,
    changed_at                   timestamptz not null,
    old_code_verification_status text,
    new_code_verification_status text,
    old_verification_expiry_time timestamptz,
    new_verification_expiry_time timestamptz,
    old_removed_at               timestamptz,
    new_removed_at               timestamptz
);

create index number_history_number_id_idx on number_history (number_id, changed_at desc, id desc);
