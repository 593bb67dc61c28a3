-- Reads a breaker's versioned record and the server's clock in one step.
-- KEYS[1] record hash. Returns {now (epoch ms), data or nil, version or nil}.
local t = redis.call('TIME')
local now = t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))
local record = redis.call('HMGET', KEYS[1], 'data', 'version')
return {now, record[1], record[2]}
