-- Compare-and-delete: removes the lock only if the owner still holds it. The fencing counter is left to expire
-- with the TTL of the last grant or extension (tokens of later grants take the clock floor once it is gone).
-- KEYS[1] lock hash; ARGV[1] owner. Returns 1 if removed, else 0.
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
