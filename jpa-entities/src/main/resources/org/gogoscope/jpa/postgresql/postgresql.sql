-- go-go-scope schema for PostgreSQL 12+. Safe to run again (IF NOT EXISTS everywhere).
-- Times are TIMESTAMP (without time zone) holding UTC; the library compares them with now() AT TIME ZONE 'UTC'.
-- The first four tables are the seeds' (go-go-scope Node adapters) plus the columns this library adds.
-- Keys are COLLATE "C" (code-point order, whatever the database's collation): equality is the same, and a key
-- range [head, end) is an index range, which is how keys(pattern) lists only what its literal head can match.

CREATE TABLE IF NOT EXISTS go_goscope_locks (
  key TEXT COLLATE "C" PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  fencing_token BIGINT NOT NULL DEFAULT 0
);
-- No index on locks.expires_at (the Node adapters' DDL has one, idx_locks_expires; the migration drops it): no
-- statement of this library reads locks by expiry, and an indexed expires_at makes every acquire and release a
-- non-HOT update that writes both indexes.

CREATE TABLE IF NOT EXISTS go_goscope_circuit (
  key TEXT COLLATE "C" PRIMARY KEY,
  state TEXT NOT NULL,
  failure_count INTEGER NOT NULL DEFAULT 0,
  last_failure_time TIMESTAMP,
  last_success_time TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS idx_circuit_updated ON go_goscope_circuit(updated_at);

CREATE TABLE IF NOT EXISTS go_goscope_cache (
  key TEXT COLLATE "C" PRIMARY KEY,
  value JSONB NOT NULL,
  expires_at TIMESTAMP,
  accessed_at TIMESTAMP DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS idx_cache_expires ON go_goscope_cache(expires_at);

CREATE TABLE IF NOT EXISTS go_goscope_checkpoints (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  timestamp BIGINT NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  data JSONB NOT NULL,
  estimated_time_remaining BIGINT
);
CREATE UNIQUE INDEX IF NOT EXISTS uq_checkpoints_task_sequence ON go_goscope_checkpoints(task_id, sequence);

CREATE TABLE IF NOT EXISTS go_goscope_idempotency (
  key TEXT COLLATE "C" PRIMARY KEY,
  claim_token TEXT,
  fingerprint TEXT,
  result JSONB,
  expires_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_idempotency_expires ON go_goscope_idempotency(expires_at);

-- Versioned breaker documents (compare-and-set by version), beside the breaker states.
CREATE TABLE IF NOT EXISTS go_goscope_circuit_records (
  key TEXT COLLATE "C" PRIMARY KEY,
  data TEXT NOT NULL,
  version BIGINT NOT NULL
);
