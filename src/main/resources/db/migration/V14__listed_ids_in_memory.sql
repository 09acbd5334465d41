-- A run keeps the ids it listed in memory and compares them with the stored ones at its
-- end (read from numbers_listed_by_business_idx), so pages no longer write a listing row
-- per number.
drop table run_listings;
