-- Counts one failure at the server's time; opens the breaker at the threshold or from HALF_OPEN.
-- KEYS[1] circuit hash; ARGV[1] maxFailures. Returns the new failure count.
local t = redis.call('TIME')
local now = t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))
local count = redis.call('HINCRBY', KEYS[1], 'failureCount', 1)
local state = redis.call('HGET', KEYS[1], 'state') or 'CLOSED'
if count >= tonumber(ARGV[1]) or state == 'HALF_OPEN' then
  state = 'OPEN'
end
redis.call('HSET', KEYS[1], 'state', state, 'lastFailureTime', now)
redis.call('PERSIST', KEYS[1]) -- a failing breaker is kept, whatever a success set before
return count
