-- OPEN -> HALF_OPEN once the last failure is at least the delay old on the server's clock.
-- KEYS[1] circuit hash; ARGV[1] delay in ms. Returns 1 if this call made the transition, else 0.
local current = redis.call('HMGET', KEYS[1], 'state', 'lastFailureTime')
if current[1] ~= 'OPEN' then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if current[2] and tonumber(current[2]) + tonumber(ARGV[1]) > now then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'HALF_OPEN')
return 1
