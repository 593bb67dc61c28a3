-- Deletes cache entries and their names from the prefix's index in one step (standalone and Sentinel).
-- KEYS[1] names, KEYS[2] expiry (sorted sets), KEYS[3..] entries; ARGV[i] the name of entry KEYS[i + 2].
-- Returns how many of the entries were live (an expired entry is already absent for DEL).
local deleted = 0
for i = 1, #ARGV do
  deleted = deleted + redis.call('DEL', KEYS[i + 2])
end
if #ARGV > 0 then
  redis.call('ZREM', KEYS[1], unpack(ARGV))
  redis.call('ZREM', KEYS[2], unpack(ARGV))
end
return deleted
