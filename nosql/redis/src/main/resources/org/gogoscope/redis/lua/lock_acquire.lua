-- Grants a lock if it is free, expired, or held by the same owner (a re-acquire is a new grant).
-- KEYS[1] lock hash {owner, token} (HSET overwrites both fields, PEXPIRE sets a fresh TTL), expiring with PX;
-- KEYS[2] fencing counter (same slot), expiring with the lock (PX = the lock's TTL, refreshed by lock_extend.lua)
-- ARGV[1] owner, ARGV[2] ttl in ms
-- Returns {new fencing token, 1 if the owner already held the live lock (a renewal) else 0}, or nil when another
-- owner holds the live lock. (A grant that replicas did not acknowledge in time is released unless it renewed.)
-- The token is max(counter + 1, server time in microseconds). While the counter lives, tokens grow by it; once
-- it expired with the free lock (or was deleted), the clock floor alone exceeds every earlier token: the counter
-- outlives its last grant by the TTL (>= 1 ms = 1,000 us), and a token is above the clock of its grant only by
-- the grants made within the same microsecond (a script takes longer), unless the server's clock steps back.
-- Microseconds since 1970 are below 2^53, so Lua's doubles hold them exactly; string.format('%d') writes them
-- without the exponent that Lua's own number-to-text conversion would use.
local holder = redis.call('HGET', KEYS[1], 'owner')
if holder and holder ~= ARGV[1] then
  return false
end
local t = redis.call('TIME')
local floor = tonumber(t[1]) * 1000000 + tonumber(t[2])
local counter = tonumber(redis.call('GET', KEYS[2]) or '0')
local token = counter + 1
if floor > token then
  token = floor
end
local text = string.format('%d', token)
redis.call('SET', KEYS[2], text, 'PX', ARGV[2])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'token', text)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {token, holder and 1 or 0}
