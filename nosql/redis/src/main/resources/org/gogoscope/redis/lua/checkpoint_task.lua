-- Summarises one task's checkpoints without reading or changing them.
-- KEYS[1] task index (sorted set: member checkpoint id, score sequence)
-- Returns {number of checkpoints, highest sequence}, or nil when the task has none.
local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if #top == 0 then
  return false
end
return {redis.call('ZCARD', KEYS[1]), tonumber(top[2])}
