-- Tells which listed cache entries are live, and removes the names of the others from the prefix's index in
-- the same step, so a name is only removed while its entry is absent (standalone and Sentinel).
-- KEYS[1] names, KEYS[2] expiry (sorted sets), KEYS[3..] entries; ARGV[i] the name of entry KEYS[i + 2].
-- Returns one number per entry: 1 live, 0 absent (expired, deleted or evicted).
local live = {}
local dead = {}
for i = 1, #ARGV do
  live[i] = redis.call('EXISTS', KEYS[i + 2])
  if live[i] == 0 then
    dead[#dead + 1] = ARGV[i]
  end
end
if #dead > 0 then
  redis.call('ZREM', KEYS[1], unpack(dead))
  redis.call('ZREM', KEYS[2], unpack(dead))
end
return live
