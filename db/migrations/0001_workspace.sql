-- The workspace itself: a few key/value facts (name, created, demo flag).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row a workload. `data` is the full validated workload as JSON (the source of truth);
-- the other columns are copies kept for filtering, sorting and counting in SQL.
-- seq (the rowid) keeps file order, so paging in that order needs no extra index.
CREATE TABLE workloads (
  seq                 INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL UNIQUE,
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
  -- The workload as compact JSON: unknown (null) and empty values are left out.
  data                TEXT NOT NULL
) STRICT;

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
