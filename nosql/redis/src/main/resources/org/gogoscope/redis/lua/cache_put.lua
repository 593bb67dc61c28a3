-- Stores a cache entry and its name in the prefix's index in one step (standalone and Sentinel; on a Cluster
-- the entry and the index are in different slots: cache_index_add.lua around a plain SET).
-- KEYS[1] entry (the value's JSON), KEYS[2] names (sorted set, score 0), KEYS[3] expiry (sorted set, score =
-- expiry in epoch ms on the server's clock, rounded up; +inf for none)
-- ARGV[1] JSON, ARGV[2] ttl in ms ('0' = no expiry), ARGV[3] the entry's name (its application key)
-- Also removes up to 100 names whose expiry passed: each write trims more than it adds, so the names of expired
-- entries never pile up. Returns 1.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[2] == '0' then
  redis.call('SET', KEYS[1], ARGV[1])
  redis.call('ZADD', KEYS[3], '+inf', ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  redis.call('ZADD', KEYS[3], string.format('%d', now + tonumber(ARGV[2]) + 1), ARGV[3])
end
redis.call('ZADD', KEYS[2], 0, ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%d', now), 'LIMIT', 0, 100)
if #expired > 0 then
  redis.call('ZREM', KEYS[2], unpack(expired))
  redis.call('ZREM', KEYS[3], unpack(expired))
end
return 1
