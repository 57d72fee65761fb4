import { describe, expect, it } from 'vitest';
import { inferModelProvider, normalizeModelKey } from '../../../core/catalog';

describe('normalizeModelKey', () => {
  const same: [string, string][] = [
    ['claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['bedrock/us-gov-west-1/anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
    ['regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-sonnet-3-5'],
    ['vertex_ai/claude-3-5-sonnet@20240620', 'claude-sonnet-3-5'],
    ['claude-4-opus', 'claude-opus-4'],
    ['claude-opus-4-0', 'claude-opus-4'],
    ['claude-opus-4-20250514', 'claude-opus-4'],
    ['gpt-5.5', 'gpt-5-5'],
    ['openai/gpt-5.5', 'gpt-5-5'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['azure/us/gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['x-ai/grok-4.3', 'grok-4-3'],
    ['amazon.nova-pro-v1:0', 'nova-pro'],
    ['amazon/nova-premier-v1', 'nova-premier'],
    ['global.amazon.nova-2-lite-v1:0', 'nova-2-lite'],
    ['meta.llama4-scout-17b-instruct-v1:0', 'llama-4-scout-17b-instruct'],
    ['mistralai/mistral-large-2512', 'mistral-large-2512'],
    ['google/gemini-3.1-pro-preview', 'gemini-3-1-pro-preview'],
  ];
  for (const [raw, key] of same) it(`${raw} → ${key}`, () => expect(normalizeModelKey(raw)).toBe(key));

  it('keeps what distinguishes models apart', () => {
    expect(normalizeModelKey('claude-haiku-4-5')).not.toBe(normalizeModelKey('claude-sonnet-4-5'));
    expect(normalizeModelKey('gpt-4o')).not.toBe(normalizeModelKey('gpt-4o-mini'));
    expect(normalizeModelKey('anthropic/claude-haiku-4.5:free')).not.toBe(normalizeModelKey('claude-haiku-4-5'));
    expect(normalizeModelKey('mistral-large-2512')).not.toBe(normalizeModelKey('mistral-large-2411'));
  });
});

describe('inferModelProvider', () => {
  const cases: [string, string | null][] = [
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic'],
    ['amazon.nova-micro-v1:0', 'amazon'],
    ['meta.llama3-70b-instruct-v1:0', 'meta'],
    ['mistral.mistral-large-2402-v1:0', 'mistral'],
    ['gpt-4o', 'openai'],
    ['o3-mini', 'openai'],
    ['gemini-2.5-pro', 'google'],
    ['grok-4', 'xai'],
    ['deepseek.r1-v1:0', null],
    ['qwen.qwen3-32b-v1:0', null],
  ];
  for (const [raw, p] of cases) it(`${raw} → ${p}`, () => expect(inferModelProvider(raw)).toBe(p));
});
