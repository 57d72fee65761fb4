import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixtures } from '../../fixtures/inventory/make-fixtures';

describe('fixture corpus', () => {
  it.each(Object.entries(fixtures()))('%s on disk matches make-fixtures.ts (regenerate with npx tsx test/fixtures/inventory/make-fixtures.ts)', (name, bytes) => {
    expect(readFileSync(join(FIXTURE_DIR, name)).equals(bytes)).toBe(true);
  });
});
