-- Removes names from a prefix's cache index (Cluster, where the entries are in other slots: the caller removes
-- a name before deleting its entry, or re-adds it if the entry turns out to be live, so no live entry stays
-- unnamed). KEYS[1] names, KEYS[2] expiry (sorted sets); ARGV the names. Returns 1.
redis.call('ZREM', KEYS[1], unpack(ARGV))
redis.call('ZREM', KEYS[2], unpack(ARGV))
return 1
