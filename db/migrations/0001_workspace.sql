-- The workspace itself: a few key/value facts (name, created, demo flag).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row a workload. `data` is the full validated workload as JSON (the source of truth);
-- the other columns are copies kept for filtering, sorting and counting in SQL.
CREATE TABLE workloads (
  id                  TEXT PRIMARY KEY,
  seq                 INTEGER NOT NULL,
  name                TEXT NOT NULL,
  mission_area        TEXT NOT NULL,
  vendor              TEXT NOT NULL,
  model               TEXT,
  classification      TEXT,
  classification_rank INTEGER,
  criticality         TEXT,
  criticality_rank    INTEGER,
  monthly_tokens      REAL,
  owner               TEXT,
  -- lower-cased id, name, owner, model, platform and notes for the free-text filter
  search              TEXT NOT NULL,
  data                TEXT NOT NULL CHECK (json_valid(data))
) STRICT;
CREATE INDEX workloads_seq ON workloads (seq);
CREATE INDEX workloads_vendor ON workloads (vendor);
CREATE INDEX workloads_mission ON workloads (mission_area);

-- Every committed import, for the record a program office keeps of where numbers came from.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  mode        TEXT NOT NULL CHECK (mode IN ('merge', 'replace')),
  added       INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  unchanged   INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
