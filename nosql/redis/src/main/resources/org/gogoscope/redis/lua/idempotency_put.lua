-- Stores a completed record without fingerprint, replacing any record.
-- KEYS[1] record hash; ARGV[1] result JSON, ARGV[2] ttl in ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'status', 'completed', 'result', ARGV[1],
  'expiresAt', string.format('%d', now + tonumber(ARGV[2])))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
