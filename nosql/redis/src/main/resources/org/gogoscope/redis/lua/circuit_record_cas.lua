-- Writes a breaker's record if its version is still the expected one ('0' = no record yet).
-- Versions are compared as decimal text and raised with HINCRBY (exact 64-bit, no Lua doubles).
-- KEYS[1] record hash; ARGV[1] expected version, ARGV[2] data. Returns 1 if written, else 0.
local version = redis.call('HGET', KEYS[1], 'version') or '0'
if version ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'data', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 1
