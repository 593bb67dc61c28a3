-- Deletes checkpoints of one task. KEYS[1] task index; then per checkpoint i: KEYS[2i] data key,
-- KEYS[2i+1] id lookup. ARGV[i] id. A checkpoint is deleted only if its id still points at that data key.
-- Returns how many were deleted.
local deleted = 0
for i = 1, #ARGV do
  local dataKey = KEYS[2 * i]
  local idKey = KEYS[2 * i + 1]
  if redis.call('HGET', idKey, 'key') == dataKey then
    redis.call('DEL', idKey)
    redis.call('ZREM', KEYS[1], ARGV[i])
    if redis.call('HGET', dataKey, 'id') == ARGV[i] then
      redis.call('DEL', dataKey)
    end
    deleted = deleted + 1
  end
end
return deleted
