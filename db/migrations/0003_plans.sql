-- Named scenarios: the planning inputs a user keeps, overrides included (they survive re-planning).
CREATE TABLE scenarios (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  input      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every plan produced, kept whole (the versioned plan JSON) with a few copied figures for lists
-- and comparison.
CREATE TABLE plans (
  id            INTEGER PRIMARY KEY,
  scenario_name TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  summary       TEXT NOT NULL,
  data          TEXT NOT NULL
) STRICT;
CREATE INDEX plans_scenario ON plans (scenario_name);
