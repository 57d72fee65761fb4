/**
 * Writes schemas/plan.schema.json, the JSON Schema of the plan JSON, from the zod schema
 * (core/export/json.ts). Run after changing core/planning/plan-schema.ts:
 *
 *   node bin/run-ts.js scripts/plan-schema.ts          # rewrite the file
 *   node bin/run-ts.js scripts/plan-schema.ts --check  # exit 1 if the committed file is stale
 *
 * test/core/export/json.test.ts fails while the committed file differs from the generated one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAN_SCHEMA_PATH, planJsonSchemaText } from '../core/export/json';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, PLAN_SCHEMA_PATH);
const text = planJsonSchemaText();
let current: string | null = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = null;
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${PLAN_SCHEMA_PATH} is out of date: run node bin/run-ts.js scripts/plan-schema.ts`);
    process.exit(1);
  }
  console.log(`${PLAN_SCHEMA_PATH} is up to date.`);
} else if (current === text) {
  console.log(`${PLAN_SCHEMA_PATH} is already up to date.`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Wrote ${PLAN_SCHEMA_PATH} (${text.length.toLocaleString('en-US')} bytes).`);
}
