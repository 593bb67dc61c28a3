-- Grants a lock if it is free, expired, or held by the same owner (a re-acquire is a new grant).
-- KEYS[1] lock hash {owner, token} (HSET overwrites both fields, PEXPIRE sets a fresh TTL), expiring with PX; KEYS[2] fencing counter (never expires, same slot)
-- ARGV[1] owner, ARGV[2] ttl in ms
-- Returns the new fencing token, or nil when another owner holds the live lock.
local holder = redis.call('HGET', KEYS[1], 'owner')
if holder and holder ~= ARGV[1] then
  return false
end
local token = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', token)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return token
