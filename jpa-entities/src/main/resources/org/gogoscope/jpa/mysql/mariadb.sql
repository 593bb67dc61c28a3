-- go-go-scope schema for MariaDB 10.5+. Safe to run again (IF NOT EXISTS everywhere).
-- Times are DATETIME(3) holding UTC (the library writes UTC_TIMESTAMP(3)); keys use the binary no-pad collation
-- so that they are case-sensitive and trailing spaces count. For MySQL 8 use mysql.sql (utf8mb4_0900_bin).

-- Values are LONGTEXT, not JSON: MariaDB's JSON is LONGTEXT plus CHECK (json_valid(...)), and json_valid refuses
-- any document nested 32 levels or deeper, which every other backend stores. The library writes only JSON it
-- produced; the migration drops that check from tables created with JSON (the Node adapters' DDL).
-- No index on locks.expires_at (the Node adapters' DDL has idx_expires; the migration drops it): no statement of
-- this library reads locks by expiry, and every acquire and release would update it.
CREATE TABLE IF NOT EXISTS go_goscope_locks (
  `key` VARCHAR(255) NOT NULL PRIMARY KEY,
  owner VARCHAR(255) NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  fencing_token BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS go_goscope_circuit (
  `key` VARCHAR(255) NOT NULL PRIMARY KEY,
  state VARCHAR(20) NOT NULL,
  failure_count INT NOT NULL DEFAULT 0,
  last_failure_time DATETIME(3),
  last_success_time DATETIME(3),
  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  INDEX idx_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS go_goscope_cache (
  `key` VARCHAR(255) NOT NULL PRIMARY KEY,
  value LONGTEXT NOT NULL,
  expires_at DATETIME(3),
  INDEX idx_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS go_goscope_checkpoints (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  task_id VARCHAR(255) NOT NULL,
  sequence INT NOT NULL,
  timestamp BIGINT NOT NULL,
  progress INT NOT NULL DEFAULT 0,
  data LONGTEXT NOT NULL,
  estimated_time_remaining BIGINT,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  INDEX idx_checkpoints_task (task_id),
  INDEX idx_checkpoints_sequence (task_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE IF NOT EXISTS go_goscope_idempotency (
  `key` VARCHAR(255) NOT NULL PRIMARY KEY,
  claim_token VARCHAR(64) NULL,
  fingerprint TEXT NULL,
  result LONGTEXT NULL,
  expires_at DATETIME(3) NOT NULL,
  INDEX idx_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Versioned breaker documents (compare-and-set by version), beside the breaker states.
CREATE TABLE IF NOT EXISTS go_goscope_circuit_records (
  `key` VARCHAR(255) NOT NULL PRIMARY KEY,
  data MEDIUMTEXT NOT NULL,
  version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
