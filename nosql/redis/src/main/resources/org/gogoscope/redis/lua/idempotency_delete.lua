-- Deletes any record. KEYS[1] record hash. Returns 1 if the removed record was live, else 0.
local r = redis.call('HMGET', KEYS[1], 'status', 'expiresAt')
if not r[1] then
  return 0
end
redis.call('DEL', KEYS[1])
if r[1] == 'completed' then
  return 1
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(r[2]) > now then
  return 1
end
return 0
