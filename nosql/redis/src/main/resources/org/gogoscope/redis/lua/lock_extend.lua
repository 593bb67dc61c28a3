-- Sets the remaining TTL of the owner's live lock; an expired key is absent, so it is never revived.
-- KEYS[1] lock hash; ARGV[1] owner, ARGV[2] ttl in ms. Returns 1 if extended, else 0.
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
