-- The workspace itself: a few key/value facts (name, created, demo flag).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row a workload. `data` is the full validated workload as JSON (the source of truth);
-- the other columns are copies kept for filtering, sorting and counting in SQL.
CREATE TABLE workloads (
  id             TEXT PRIMARY KEY,
  seq            INTEGER NOT NULL,
  name           TEXT NOT NULL,
  mission_area   TEXT NOT NULL,
  vendor         TEXT NOT NULL,
  classification TEXT,
  criticality    TEXT,
  monthly_tokens REAL,
  data           TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX workloads_vendor ON workloads (vendor);
CREATE INDEX workloads_mission ON workloads (mission_area);
CREATE INDEX workloads_seq ON workloads (seq);
