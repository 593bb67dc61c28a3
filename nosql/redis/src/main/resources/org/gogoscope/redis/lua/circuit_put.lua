-- Replaces a breaker's state. The key has no TTL: circuit state never expires.
-- KEYS[1] circuit hash; ARGV[1] state, ARGV[2] failureCount,
-- ARGV[3] lastFailureTime (epoch ms, '' for none), ARGV[4] lastSuccessTime (epoch ms, '' for none)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'failureCount', ARGV[2])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'lastFailureTime', ARGV[3])
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'lastSuccessTime', ARGV[4])
end
return 1
