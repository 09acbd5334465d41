-- A phone number is looked up as received only when it has no E.164 form: index just those
-- rows, which spares every write of a normalised number one index.
drop index numbers_phone_number_idx;
create index numbers_unparsed_phone_number_idx on numbers (phone_number) where phone_number_e164 is null;
