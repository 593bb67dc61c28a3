-- Deletes the record if it is in progress under the token. KEYS[1] record hash; ARGV[1] token.
local r = redis.call('HMGET', KEYS[1], 'status', 'token')
if r[1] == 'in_progress' and r[2] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
