-- Adds names to a prefix's cache index without lowering an expiry it already holds (ZADD GT). On a Cluster the
-- entries are in other slots than the index: a write adds the name, writes the entry, then adds the name again
-- with the expiry counted from then; the one-time indexing of older entries adds them with their remaining TTL.
-- As a recorded expiry only grows, trimming by it never removes the name of a live entry.
-- KEYS[1] names (sorted set, score 0), KEYS[2] expiry (sorted set, score = expiry in epoch ms, +inf for none)
-- ARGV pairs: name, ttl in ms ('0' = no expiry)
-- Also removes up to 100 names whose expiry passed, as cache_put.lua does. Returns 1.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local names = {}
local expiries = {}
for i = 1, #ARGV, 2 do
  local score = '+inf'
  if ARGV[i + 1] ~= '0' then
    score = string.format('%d', now + tonumber(ARGV[i + 1]) + 1)
  end
  names[#names + 1] = 0
  names[#names + 1] = ARGV[i]
  expiries[#expiries + 1] = score
  expiries[#expiries + 1] = ARGV[i]
end
if #names > 0 then
  redis.call('ZADD', KEYS[2], 'GT', unpack(expiries))
  redis.call('ZADD', KEYS[1], unpack(names))
end
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. string.format('%d', now), 'LIMIT', 0, 100)
if #expired > 0 then
  redis.call('ZREM', KEYS[1], unpack(expired))
  redis.call('ZREM', KEYS[2], unpack(expired))
end
return 1
