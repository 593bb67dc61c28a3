-- The schema go-go-scope's Node MySQL adapter creates (from its documentation): server-default collation,
-- DATETIME without fractional seconds.
CREATE TABLE IF NOT EXISTS go_goscope_locks (
  `key` VARCHAR(255) PRIMARY KEY,
  owner VARCHAR(255) NOT NULL,
  expires_at DATETIME NOT NULL,
  INDEX idx_expires (expires_at)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS go_goscope_circuit (
  `key` VARCHAR(255) PRIMARY KEY,
  state VARCHAR(20) NOT NULL,
  failure_count INT NOT NULL DEFAULT 0,
  last_failure_time DATETIME,
  last_success_time DATETIME,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  INDEX idx_updated (updated_at)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS go_goscope_cache (
  `key` VARCHAR(255) PRIMARY KEY,
  value JSON NOT NULL,
  expires_at DATETIME,
  INDEX idx_expires (expires_at)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS go_goscope_checkpoints (
  id VARCHAR(255) PRIMARY KEY,
  task_id VARCHAR(255) NOT NULL,
  sequence INT NOT NULL,
  timestamp BIGINT NOT NULL,
  progress INT NOT NULL DEFAULT 0,
  data JSON NOT NULL,
  estimated_time_remaining BIGINT,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  INDEX idx_checkpoints_task (task_id),
  INDEX idx_checkpoints_sequence (task_id, sequence)
) ENGINE=InnoDB;
