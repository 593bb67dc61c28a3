-- Closes the breaker, resets the count and stamps the success with the server's time.
-- KEYS[1] circuit hash. Returns 1.
local t = redis.call('TIME')
local now = t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))
redis.call('HSET', KEYS[1], 'state', 'CLOSED', 'failureCount', 0, 'lastSuccessTime', now)
return 1
