-- The workspace's catalog: the embedded default until the user edits or refreshes it, then this
-- one row holding the whole validated catalog (list layer, user edits and contract prices).
CREATE TABLE catalog (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every applied refresh: which file, its checksum and what it changed.
CREATE TABLE catalog_refreshes (
  id         INTEGER PRIMARY KEY,
  file_name  TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  format     TEXT NOT NULL,
  summary    TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT;
