-- Claims a key unless a live record exists; reports the live record otherwise.
-- KEYS[1] record hash {status, token, fingerprint, result, expiresAt}
-- ARGV[1] token, ARGV[2] fingerprint ('' for none), ARGV[3] lease in ms, ARGV[4] key TTL in ms (lease + grace)
-- Returns {'claimed'} | {'in_progress', fingerprint, expiresAt} | {'completed', fingerprint, result}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local r = redis.call('HMGET', KEYS[1], 'status', 'fingerprint', 'result', 'expiresAt')
if r[1] == 'completed' then
  return {'completed', r[2], r[3]}
end
if r[1] == 'in_progress' and tonumber(r[4]) > now then
  return {'in_progress', r[2], r[4]}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'status', 'in_progress', 'token', ARGV[1],
  'expiresAt', string.format('%d', now + tonumber(ARGV[3])))
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'fingerprint', ARGV[2])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'claimed'}
