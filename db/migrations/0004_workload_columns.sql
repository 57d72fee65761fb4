-- Workloads as one column per field (DOMAIN.md's canonical column names) instead of copied
-- columns plus a JSON blob of the whole record. Each value is stored once: an import writes about
-- half the bytes, and SQL can filter and sort on any field. Lists and custom attributes are JSON
-- text; an empty list or no custom attributes is NULL.
CREATE TABLE workloads_by_column (
  seq                   INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  mission_area          TEXT NOT NULL,
  vendor                TEXT NOT NULL,
  model                 TEXT,
  route                 TEXT,
  platform              TEXT,
  classification        TEXT,
  criticality           TEXT,
  monthly_requests      REAL,
  monthly_input_tokens  REAL,
  monthly_output_tokens REAL,
  cached_input_share    REAL,
  capabilities          TEXT,
  min_context_tokens    INTEGER,
  prompt_templates      INTEGER,
  tool_schemas          INTEGER,
  eval_cases            INTEGER,
  human_in_loop         INTEGER CHECK (human_in_loop IN (0, 1)),
  use_tags              TEXT,
  depends_on            TEXT,
  owner                 TEXT,
  notes                 TEXT,
  max_downtime_hours    REAL,
  latency_slo_ms        REAL,
  custom                TEXT,
  -- Sort keys: the enums' order (least to most restrictive / critical), written by the app.
  classification_rank   INTEGER,
  criticality_rank      INTEGER,
  -- Computed when read, so writing a row costs nothing extra.
  monthly_tokens        REAL GENERATED ALWAYS AS (
    CASE WHEN monthly_input_tokens IS NULL AND monthly_output_tokens IS NULL THEN NULL
         ELSE coalesce(monthly_input_tokens, 0) + coalesce(monthly_output_tokens, 0) END
  ) VIRTUAL
) STRICT;

INSERT INTO workloads_by_column (
  seq, id, name, mission_area, vendor, model, route, platform, classification, criticality,
  monthly_requests, monthly_input_tokens, monthly_output_tokens, cached_input_share, capabilities,
  min_context_tokens, prompt_templates, tool_schemas, eval_cases, human_in_loop, use_tags,
  depends_on, owner, notes, max_downtime_hours, latency_slo_ms, custom,
  classification_rank, criticality_rank
)
SELECT
  seq, id, name, mission_area, vendor, model,
  json_extract(data, '$.route'), json_extract(data, '$.platform'), classification, criticality,
  json_extract(data, '$.monthlyRequests'), json_extract(data, '$.monthlyInputTokens'),
  json_extract(data, '$.monthlyOutputTokens'), json_extract(data, '$.cachedInputShare'),
  nullif(json_extract(data, '$.capabilities'), '[]'),
  json_extract(data, '$.minContextTokens'), json_extract(data, '$.promptTemplates'),
  json_extract(data, '$.toolSchemas'), json_extract(data, '$.evalCases'),
  json_extract(data, '$.humanInLoop'),
  nullif(json_extract(data, '$.useTags'), '[]'), nullif(json_extract(data, '$.dependsOn'), '[]'),
  owner, json_extract(data, '$.notes'),
  json_extract(data, '$.maxDowntimeHours'), json_extract(data, '$.latencySloMs'),
  nullif(json_extract(data, '$.custom'), '{}'),
  classification_rank, criticality_rank
FROM workloads ORDER BY seq;

DROP TABLE workloads;
ALTER TABLE workloads_by_column RENAME TO workloads;
