-- Compare-and-delete: removes the lock only if the owner still holds it, and when ARGV[2] is given only if it is
-- still that grant (the token the grant returned): the release of a grant that replicas did not acknowledge must
-- not delete a renewal the same owner was granted meanwhile. The fencing counter is left to expire with the TTL of
-- the last grant or extension (tokens of later grants take the clock floor once it is gone).
-- KEYS[1] lock hash; ARGV[1] owner, ARGV[2] (optional) token. Returns 1 if removed, else 0.
local held = redis.call('HMGET', KEYS[1], 'owner', 'token')
if held[1] == ARGV[1] and (ARGV[2] == nil or held[2] == ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
