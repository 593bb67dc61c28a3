-- go-go-scope schema for SQLite 3.35+. Safe to run again (IF NOT EXISTS everywhere).
-- Times are TEXT 'YYYY-MM-DD HH:MM:SS.SSS' in UTC (strftime('%Y-%m-%d %H:%M:%f', 'now')), the equivalent of
-- DATETIME(3); fixed width, so text order is time order. JSON is TEXT. Locks have no index on expires_at: no
-- statement looks locks up by expiry (rows are never purged), and every lock write would update it.

CREATE TABLE IF NOT EXISTS go_goscope_locks (
  key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  fencing_token INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS go_goscope_circuit (
  key TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  failure_count INTEGER NOT NULL DEFAULT 0,
  last_failure_time TEXT,
  last_success_time TEXT,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
CREATE INDEX IF NOT EXISTS idx_circuit_updated ON go_goscope_circuit(updated_at);

CREATE TABLE IF NOT EXISTS go_goscope_cache (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS idx_cache_expires ON go_goscope_cache(expires_at);

CREATE TABLE IF NOT EXISTS go_goscope_checkpoints (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  estimated_time_remaining INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS uq_checkpoints_task_sequence ON go_goscope_checkpoints(task_id, sequence);

CREATE TABLE IF NOT EXISTS go_goscope_idempotency (
  key TEXT PRIMARY KEY,
  claim_token TEXT,
  fingerprint TEXT,
  result TEXT,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_idempotency_expires ON go_goscope_idempotency(expires_at);

-- Versioned breaker documents (compare-and-set by version), beside the breaker states.
CREATE TABLE IF NOT EXISTS go_goscope_circuit_records (
  key TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  version INTEGER NOT NULL
);
