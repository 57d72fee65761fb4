import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  COLUMN_SPECS,
  COLUMN_TO_FIELD,
  emptyWorkload,
  FIELD_TO_COLUMN,
  REQUIRED_COLUMNS,
  WorkloadSchema,
  workloadToCanonicalRecord,
} from '../../../core/inventory/schema';

describe('canonical columns', () => {
  it('follow DOMAIN.md order, with id, name, mission_area and vendor required', () => {
    expect(CANONICAL_COLUMNS.slice(0, 4)).toEqual(['id', 'name', 'mission_area', 'vendor']);
    expect(CANONICAL_COLUMNS).toHaveLength(25);
    expect(REQUIRED_COLUMNS).toEqual(['id', 'name', 'mission_area', 'vendor']);
    expect(COLUMN_SPECS.map((s) => s.column)).toEqual([...CANONICAL_COLUMNS]);
  });

  it('map one to one onto Workload fields (every field but custom)', () => {
    const fields = Object.keys(WorkloadSchema.shape).filter((f) => f !== 'custom');
    expect(Object.values(COLUMN_TO_FIELD).sort()).toEqual(fields.sort());
    for (const c of CANONICAL_COLUMNS) expect(FIELD_TO_COLUMN[COLUMN_TO_FIELD[c]]).toBe(c);
    expect(COLUMN_TO_FIELD.monthly_input_tokens).toBe('monthlyInputTokens');
    expect(COLUMN_TO_FIELD.human_in_loop).toBe('humanInLoop');
  });
});

describe('workloadToCanonicalRecord', () => {
  const w = {
    ...emptyWorkload({ id: 'A', name: 'Alpha', missionArea: 'logistics' as const, vendor: 'anthropic' }),
    capabilities: ['tool_use' as const],
    monthlyInputTokens: 2_500_000,
    humanInLoop: false,
    custom: { Team: 'J4' },
  };

  it('gives snake_case keys in canonical order, lists as arrays, numbers as numbers, unknowns as null', () => {
    const record = workloadToCanonicalRecord(w);
    expect(Object.keys(record)).toEqual([...CANONICAL_COLUMNS]);
    expect(record).toMatchObject({
      id: 'A',
      mission_area: 'logistics',
      capabilities: ['tool_use'],
      monthly_input_tokens: 2_500_000,
      human_in_loop: false,
      monthly_requests: null,
      use_tags: [],
      notes: null,
    });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('adds custom attributes only when asked, and never aliases the workload', () => {
    expect(workloadToCanonicalRecord(w)).not.toHaveProperty('custom');
    const withCustom = workloadToCanonicalRecord(w, { includeCustom: true });
    expect(withCustom.custom).toEqual({ Team: 'J4' });
    withCustom.capabilities.push('vision');
    withCustom.custom.Team = 'changed';
    expect(w.capabilities).toEqual(['tool_use']);
    expect(w.custom.Team).toBe('J4');
  });
});

describe('WorkloadSchema', () => {
  it('accepts an all-unknown workload and rejects zero-for-unknown mistakes such as an empty name', () => {
    const base = emptyWorkload({ id: 'A', name: 'Alpha', missionArea: 'logistics', vendor: 'anthropic' });
    expect(WorkloadSchema.safeParse(base).success).toBe(true);
    expect(WorkloadSchema.safeParse({ ...base, name: '' }).success).toBe(false);
    expect(WorkloadSchema.safeParse({ ...base, notes: '' }).success).toBe(false);
    expect(WorkloadSchema.safeParse({ ...base, cachedInputShare: 1.5 }).success).toBe(false);
    expect(WorkloadSchema.safeParse({ ...base, vendor: 'Anthropic' }).success).toBe(false);
    expect(WorkloadSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
});
