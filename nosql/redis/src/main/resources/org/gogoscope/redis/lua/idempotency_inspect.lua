-- Reads an idempotency record without changing it.
-- KEYS[1] record hash {status, token, fingerprint, result, expiresAt}
-- Returns {claim token, milliseconds left on its lease (server clock)} when it is in progress and live, else nil.
local r = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'token')
if r[1] ~= 'in_progress' or not r[3] then
  return false
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local left = (tonumber(r[2]) or 0) - now
if left <= 0 then
  return false
end
return {r[3], left}
