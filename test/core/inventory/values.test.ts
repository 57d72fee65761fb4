import { describe, expect, it } from 'vitest';
import {
  parseNumberText,
  readAmount,
  readBoolean,
  readCapabilities,
  readClassification,
  readCount,
  readCriticality,
  readIdList,
  readMissionArea,
  readRoute,
  readShare,
  readUseTags,
  readVendor,
  splitList,
  type ValueResult,
} from '../../../core/inventory/values';

const value = <T>(r: ValueResult<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got ${r.code}: ${r.message}`);
  return r.value;
};
const code = <T>(r: ValueResult<T>): string => (r.ok ? 'ok' : r.code);

describe('numbers', () => {
  it.each([
    ['1250000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['2.5M', 2_500_000],
    ['2.5 m', 2_500_000],
    ['750k', 750_000],
    ['750K', 750_000],
    ['1.2e6', 1_200_000],
    ['1.2E+06', 1_200_000],
    ['3B', 3_000_000_000],
    ['4bn', 4_000_000_000],
    ['2.5MM', 2_500_000],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['  42  ', 42],
    ['1,250,000.5', 1_250_000.5],
    ['0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(readAmount(text))).toBe(expected);
  });

  it('shifts the decimal point exactly instead of multiplying (1.005M is 1005000, not 1004999.9999999999)', () => {
    expect(1.005 * 1e6).not.toBe(1_005_000); // the trap being avoided
    expect(value(readAmount('1.005M'))).toBe(1_005_000);
    expect(value(readAmount('1.005k'))).toBe(1005);
    expect(value(readAmount('1,005.5k'))).toBe(1_005_500);
  });

  it.each(['lots', '12abc', '1,5', '12,34,567', '1.2.3', 'e6', '--5', '1 000', '$100', '0x10', 'Infinity'])(
    'refuses %j as bad_number',
    (text) => {
      expect(code(readAmount(text))).toBe('bad_number');
    },
  );

  it('refuses negatives and says so', () => {
    const r = readAmount('-5');
    expect(r).toMatchObject({ ok: false, code: 'bad_number' });
    expect(!r.ok && r.message).toMatch(/negative/);
  });

  it('hints at the decimal comma when a European number is given', () => {
    const r = readAmount('1,5');
    expect(!r.ok && r.message).toMatch(/use '\.' for decimals/);
  });

  it('refuses numbers too large to be finite', () => {
    expect(code(readAmount('1e400'))).toBe('bad_number');
  });

  it('reads counts only as whole numbers', () => {
    expect(value(readCount('12'))).toBe(12);
    expect(value(readCount('128k'))).toBe(128_000);
    expect(code(readCount('2.5'))).toBe('bad_number');
  });

  it('reads blank and "unknown" cells as unknown (null), never as 0', () => {
    for (const blank of ['', '   ', 'N/A', 'n/a', 'TBD', 'unknown', '-', '?']) {
      expect(value(readAmount(blank))).toBeNull();
    }
  });

  it('parseNumberText agrees with the general path on every fast-path shape', () => {
    for (const text of ['7', '12.5', '2.5M', '750k', '3b', '5.', '.25']) {
      expect(parseNumberText(text)).toBe(parseNumberText(`+${text}`));
    }
  });
});

describe('shares', () => {
  it.each([
    ['0.35', 0.35],
    ['35%', 0.35],
    ['35', 0.35],
    ['35 %', 0.35],
    ['1', 1],
    ['0', 0],
    ['100%', 1],
    ['100', 1],
    ['2.5', 0.025],
    ['12.5%', 0.125],
  ])('reads %j as %d', (text, expected) => {
    expect(value(readShare(text))).toBe(expected);
  });

  it.each(['150%', '101', '-0.1', 'half'])('refuses %j', (text) => {
    expect(code(readShare(text))).toBe('bad_number');
  });
});

describe('enums', () => {
  it.each([
    ['Intelligence Analysis', 'intelligence_analysis'],
    ['intelligence_analysis', 'intelligence_analysis'],
    ['INTELLIGENCE-ANALYSIS', 'intelligence_analysis'],
    ['Modeling & Simulation', 'modeling_simulation'],
    ['Modelling and Simulation', 'modeling_simulation'],
    ['M&S', 'modeling_simulation'],
    ['Operations Planning', 'operations_planning'],
    ['Cyber Ops', 'cyber_operations'],
    ['cyber operations', 'cyber_operations'],
    ['Logistics', 'logistics'],
    ['Business Admin', 'business_admin'],
    ['Other', 'other'],
  ])('mission area %j is %s', (text, expected) => {
    expect(value(readMissionArea(text))).toBe(expected);
  });

  it('names the accepted values when a mission area is unknown', () => {
    const r = readMissionArea('Space Ops');
    expect(r).toMatchObject({ ok: false, code: 'unknown_enum' });
    expect(!r.ok && r.message).toContain('"Space Ops"');
    expect(!r.ok && r.message).toContain('intelligence_analysis');
  });

  it.each([
    ['AWS Bedrock', 'aws_bedrock'],
    ['Partner Platform', 'partner_platform'],
    ['direct_api', 'direct_api'],
    ['Vertex AI', 'google_vertex'],
    ['Self-hosted', 'self_hosted'],
    ['Azure', 'azure'],
  ])('route %j is %s', (text, expected) => {
    expect(value(readRoute(text))).toBe(expected);
  });

  it.each([
    ['U', 'unclassified'],
    ['UNCLASSIFIED', 'unclassified'],
    ['Unclassified', 'unclassified'],
    ['CUI', 'cui'],
    ['CUI//SP-PRVCY', 'cui'],
    ['U//FOUO', 'cui'],
    ['S', 'secret'],
    ['SECRET', 'secret'],
    ['SECRET//NOFORN', 'secret'],
    ['Confidential', 'secret'],
    ['TS', 'top_secret'],
    ['TOP SECRET', 'top_secret'],
    ['top_secret', 'top_secret'],
    ['TS/SCI', 'top_secret'],
    ['TS//SCI', 'top_secret'],
    ['TOP SECRET//SCI//REL TO USA, FVEY', 'top_secret'],
  ])('classification marking %j is %s', (text, expected) => {
    expect(value(readClassification(text))).toBe(expected);
  });

  it('refuses an unknown marking', () => {
    expect(code(readClassification('COSMIC'))).toBe('unknown_enum');
  });

  it.each([
    ['Mission Critical', 'critical'],
    ['Mission Essential', 'essential'],
    ['Mission Support', 'support'],
    ['routine', 'routine'],
    ['1', 'routine'],
    ['2', 'support'],
    ['3', 'essential'],
    ['4', 'critical'],
  ])('criticality %j is %s (4 = critical)', (text, expected) => {
    expect(value(readCriticality(text))).toBe(expected);
  });

  it('refuses a criticality outside 1–4', () => {
    expect(code(readCriticality('5'))).toBe('unknown_enum');
  });

  it('reads vendors case-insensitively as lower-case slugs', () => {
    expect(value(readVendor('Anthropic'))).toBe('anthropic');
    expect(value(readVendor('OpenAI'))).toBe('openai');
    expect(value(readVendor('Open AI'))).toBe('openai');
    expect(value(readVendor('Mistral AI'))).toBe('mistral');
    expect(value(readVendor('AWS'))).toBe('amazon');
    expect(value(readVendor('  Acme Models '))).toBe('acme-models');
    expect(code(readVendor('Acme/Models!'))).toBe('unknown_enum');
  });
});

describe('booleans', () => {
  it.each([
    ['yes', true],
    ['Yes', true],
    ['Y', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['N', false],
    ['FALSE', false],
    ['0', false],
  ])('%j is %s', (text, expected) => {
    expect(value(readBoolean(text))).toBe(expected);
  });

  it('reads blank as unknown and refuses anything else', () => {
    expect(value(readBoolean(''))).toBeNull();
    expect(code(readBoolean('maybe'))).toBe('bad_boolean');
  });
});

describe('lists', () => {
  it('splits on ";", trims items and drops empty ones and repeats', () => {
    expect(splitList(' a ; ;b;;a; c ')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });

  it('stays linear for a long list of tiny items', () => {
    const cell = Array.from({ length: 5000 }, (_, i) => `x${i % 2500}`).join(';');
    expect(splitList(cell)).toHaveLength(2500);
  });

  it('reads capabilities with labels, in the canonical order, without repeats', () => {
    expect(value(readCapabilities('vision; Tool Use;vision'))).toEqual(['tool_use', 'vision']);
    expect(value(readCapabilities('function calling, json mode'))).toEqual(['tool_use', 'structured_output']);
    expect(value(readCapabilities(''))).toEqual([]);
  });

  it('names every unknown capability', () => {
    const r = readCapabilities('vision;telepathy;x-ray');
    expect(r).toMatchObject({ ok: false, code: 'bad_list_item' });
    expect(!r.ok && r.message).toContain('"telepathy", "x-ray"');
  });

  it('hands every row its own array even when the reader caches', () => {
    const a = value(readCapabilities('tool_use;vision'));
    a.push('code');
    expect(value(readCapabilities('tool_use;vision'))).toEqual(['tool_use', 'vision']);
  });

  it('reads use tags as snake_case words', () => {
    expect(value(readUseTags('Foreign Intelligence; cyber-defense;training'))).toEqual(['foreign_intelligence', 'cyber_defense', 'training']);
    expect(code(readUseTags('weapons/targeting!'))).toBe('bad_list_item');
  });

  it('reads depends_on ids exactly (trimmed), refusing ids that are too long', () => {
    expect(value(readIdList(' WL-1 ;WL-2,b; ', 200))).toEqual(['WL-1', 'WL-2,b']);
    expect(code(readIdList('x'.repeat(201), 200))).toBe('too_long');
  });
});
