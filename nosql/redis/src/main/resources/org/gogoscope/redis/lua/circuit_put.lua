-- Replaces a breaker's state. Kept without TTL, except a closed breaker without failures (the initial state),
-- which expires after the retention unless something changes it first.
-- KEYS[1] circuit hash; ARGV[1] state, ARGV[2] failureCount,
-- ARGV[3] lastFailureTime (epoch ms, '' for none), ARGV[4] lastSuccessTime (epoch ms, '' for none),
-- ARGV[5] retention of a closed breaker without failures, ms
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'failureCount', ARGV[2])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'lastFailureTime', ARGV[3])
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'lastSuccessTime', ARGV[4])
end
if ARGV[1] == 'CLOSED' and tonumber(ARGV[2]) == 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
return 1
