-- Upserts a checkpoint by id; refuses a (taskId, sequence) held by another id. All keys share one slot.
-- KEYS[1] id lookup hash {key, index}, KEYS[2] data hash, KEYS[3] task index (sorted set: member id, score
-- sequence), KEYS[4] the id's current data key, KEYS[5] the id's current index (both = KEYS[2], KEYS[3] if new)
-- ARGV[1] the data key the caller read from the id lookup ('' for none), ARGV[2] id, ARGV[3] taskId,
-- ARGV[4] sequence, ARGV[5] timestamp ms, ARGV[6] progress, ARGV[7] data JSON, ARGV[8] eta ms ('' for none)
-- Returns 1 saved, 0 sequence taken by another id, -1 the id moved since the caller read it (retry).
local current = redis.call('HGET', KEYS[1], 'key') or ''
if current ~= ARGV[1] then
  return -1
end
local holder = redis.call('HGET', KEYS[2], 'id')
if holder and holder ~= ARGV[2] then
  return 0
end
if current ~= '' and current ~= KEYS[2] then
  redis.call('DEL', KEYS[4])
  redis.call('ZREM', KEYS[5], ARGV[2])
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'id', ARGV[2], 'taskId', ARGV[3], 'sequence', ARGV[4], 'timestamp', ARGV[5],
  'progress', ARGV[6], 'data', ARGV[7])
if ARGV[8] ~= '' then
  redis.call('HSET', KEYS[2], 'estimatedTimeRemaining', ARGV[8])
end
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
redis.call('HSET', KEYS[1], 'key', KEYS[2], 'index', KEYS[3])
return 1
