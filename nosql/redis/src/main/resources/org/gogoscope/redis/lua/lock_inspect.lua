-- Reads a lock without changing it.
-- KEYS[1] lock hash {owner, token}
-- Returns {owner, token, milliseconds left (0 in its last millisecond)}, or nil when the lock is free or expired.
local held = redis.call('HMGET', KEYS[1], 'owner', 'token')
if not held[1] then
  return false
end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  return false
end
return {held[1], tonumber(held[2]), left}
