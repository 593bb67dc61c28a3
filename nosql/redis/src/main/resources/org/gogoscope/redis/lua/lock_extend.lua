-- Sets the remaining TTL of the owner's live lock and of its fencing counter; an expired lock is absent, so it
-- is never revived. A counter that is missing (deleted by hand) is recreated from the lock's token, so the
-- counter never falls below the token of a live lock.
-- KEYS[1] lock hash; KEYS[2] fencing counter (same slot); ARGV[1] owner, ARGV[2] ttl in ms.
-- Returns 1 if extended, else 0.
local lock = redis.call('HMGET', KEYS[1], 'owner', 'token')
if lock[1] ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if redis.call('PEXPIRE', KEYS[2], ARGV[2]) == 0 and lock[2] then
  redis.call('SET', KEYS[2], lock[2], 'PX', ARGV[2])
end
return 1
