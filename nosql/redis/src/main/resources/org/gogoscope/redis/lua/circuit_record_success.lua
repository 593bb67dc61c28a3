-- Closes the breaker, resets the count and stamps the success with the server's time. A closed breaker without
-- failures is the initial state: the hash expires after the retention unless something changes it first.
-- KEYS[1] circuit hash; ARGV[1] retention of a closed breaker without failures, ms. Returns 1.
local t = redis.call('TIME')
local now = t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))
redis.call('HSET', KEYS[1], 'state', 'CLOSED', 'failureCount', 0, 'lastSuccessTime', now)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
