-- Alerts of a business rather than of a number: TOKEN while upstream rejects the business's
-- token. At most one open alert per business and kind.
alter table alerts add column kind text not null default 'NUMBER';
alter table alerts alter column number_id drop not null;

create unique index alerts_one_open_per_business_kind_idx on alerts (business_id, kind)
    where state <> 'RESOLVED' and kind <> 'NUMBER';
