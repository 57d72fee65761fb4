/** Scenarios (inputs, overrides included) and the plans made from them. */
import type { SqliteDatabase } from '../driver';

export interface StoredScenario {
  name: string;
  input: unknown;
  updatedAt: string;
}

export function listScenarios(db: SqliteDatabase): StoredScenario[] {
  return (db.prepare('SELECT name, input, updated_at AS updatedAt FROM scenarios ORDER BY name').all() as { name: string; input: string; updatedAt: string }[]).map(
    (r) => ({ ...r, input: JSON.parse(r.input) as unknown }),
  );
}

export function getScenario(db: SqliteDatabase, name: string): StoredScenario | null {
  const row = db.prepare('SELECT name, input, updated_at AS updatedAt FROM scenarios WHERE name = ?').get(name) as
    | { name: string; input: string; updatedAt: string }
    | undefined;
  return row ? { ...row, input: JSON.parse(row.input) as unknown } : null;
}

export function saveScenario(db: SqliteDatabase, name: string, input: unknown, now: string): void {
  db.prepare(
    'INSERT INTO scenarios (name, input, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET input = excluded.input, updated_at = excluded.updated_at',
  ).run(name, JSON.stringify(input), now);
}

export function deleteScenario(db: SqliteDatabase, name: string): boolean {
  return db.prepare('DELETE FROM scenarios WHERE name = ?').run(name).changes > 0;
}

export interface StoredPlanMeta {
  id: number;
  scenarioName: string;
  createdAt: string;
  summary: unknown;
}

export function insertPlan(db: SqliteDatabase, scenarioName: string, createdAt: string, summary: unknown, plan: unknown): number {
  const result = db
    .prepare('INSERT INTO plans (scenario_name, created_at, summary, data) VALUES (?, ?, ?, ?)')
    .run(scenarioName, createdAt, JSON.stringify(summary), JSON.stringify(plan));
  return Number(result.lastInsertRowid);
}

export function listPlans(db: SqliteDatabase): StoredPlanMeta[] {
  return (
    db.prepare('SELECT id, scenario_name AS scenarioName, created_at AS createdAt, summary FROM plans ORDER BY id DESC').all() as {
      id: number;
      scenarioName: string;
      createdAt: string;
      summary: string;
    }[]
  ).map((r) => ({ ...r, summary: JSON.parse(r.summary) as unknown }));
}

export function getPlanData(db: SqliteDatabase, id: number | 'latest'): { meta: StoredPlanMeta; plan: unknown } | null {
  const row = (
    id === 'latest'
      ? db.prepare('SELECT id, scenario_name AS scenarioName, created_at AS createdAt, summary, data FROM plans ORDER BY id DESC LIMIT 1').get()
      : db.prepare('SELECT id, scenario_name AS scenarioName, created_at AS createdAt, summary, data FROM plans WHERE id = ?').get(id)
  ) as { id: number; scenarioName: string; createdAt: string; summary: string; data: string } | undefined;
  if (!row) return null;
  return {
    meta: { id: row.id, scenarioName: row.scenarioName, createdAt: row.createdAt, summary: JSON.parse(row.summary) as unknown },
    plan: JSON.parse(row.data) as unknown,
  };
}

export function deletePlan(db: SqliteDatabase, id: number): boolean {
  return db.prepare('DELETE FROM plans WHERE id = ?').run(id).changes > 0;
}
