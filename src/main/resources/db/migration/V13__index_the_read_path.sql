-- Each API list is served by an index that matches its filter and its order, so a page reads
-- about as many rows as it returns: listed numbers by business (and status) in id order, open
-- alerts of a business soonest expiry first.
create index numbers_listed_by_business_status_idx on numbers (business_id, code_verification_status, id)
    where removed_at is null;
create index numbers_listed_by_business_idx on numbers (business_id, id) where removed_at is null;
create index alerts_open_by_business_expiry_idx on alerts (business_id, verification_expiry_time, id)
    where state <> 'RESOLVED';
