-- A GIN index keeps new entries in an unsorted pending list (fastupdate) until the list outgrows
-- gin_pending_list_limit (4 MB by default) or a vacuum merges it, and every search through the index reads that
-- list whole. After a bulk import of the registry (名录库) the list could hold some 12,000 entries: a name search
-- that finds nothing took 8 ms instead of 0.4 ms until autovacuum came by. At 256 kB the list holds at most about
-- 700 entries (under 1 ms to read), and an import of 50,000 market entities costs about 9 % more time (2.54 s →
-- 2.78 s on the benchmark's registry of 2,000,000), where turning fastupdate off cost 67 %.
alter index target_name_bigrams set (gin_pending_list_limit = 256);
