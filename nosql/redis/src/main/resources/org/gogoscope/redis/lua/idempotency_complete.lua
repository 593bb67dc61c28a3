-- Turns the in-progress record held by the token into a completed one, keeping its fingerprint.
-- KEYS[1] record hash; ARGV[1] token, ARGV[2] result JSON, ARGV[3] ttl in ms. Returns 1 if done, else 0.
local r = redis.call('HMGET', KEYS[1], 'status', 'token')
if r[1] ~= 'in_progress' or r[2] ~= ARGV[1] then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HDEL', KEYS[1], 'token')
redis.call('HSET', KEYS[1], 'status', 'completed', 'result', ARGV[2],
  'expiresAt', string.format('%d', now + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
