import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, type Document } from 'yaml';
import { gatewayAliases, litellmDeployment, planToEvalsYaml, planToGatewayYaml } from '../../../core/export';
import type { Plan } from '../../../core/planning';
import { CTX, makePlan, naughtyStrings, OWASP_PAYLOADS } from './plans';

interface GatewayConfig {
  model_list: { model_name: string; litellm_params: Record<string, string> }[];
  router_settings: { fallbacks: Record<string, string[]>[] };
}

let plan: Plan;
let hostile: Plan;

beforeAll(async () => {
  plan = await makePlan(150);
  const names = [...OWASP_PAYLOADS, ...naughtyStrings(), 'line\u2028sep', 'nel\u0085x', 'yes', 'on', '2027-01-01'];
  hostile = await makePlan(names.length, { names });
});

/** Parsed as a YAML 1.2 reader and as a YAML 1.1 reader (PyYAML in LiteLLM, js-yaml in promptfoo) would. */
function bothWays<T>(text: string): T {
  const a = parse(text) as T;
  const b = parse(text, { version: '1.1' }) as T;
  expect(b).toEqual(a);
  return a;
}

describe('gateway config (LiteLLM)', () => {
  it('parses, and names every planned workload with its new target and the old model as fallback', () => {
    const text = planToGatewayYaml(plan, CTX);
    const config = bothWays<GatewayConfig>(text);
    const names = new Map(config.model_list.map((m) => [m.model_name, m.litellm_params]));
    const fallbacks = new Map(config.router_settings.fallbacks.map((f) => Object.entries(f)[0]!));
    const planned = plan.workloads.filter((w) => w.status === 'planned');
    expect(planned.length).toBeGreaterThan(50);
    const aliases = gatewayAliases(plan);
    expect(aliases.map((a) => a.workloadId)).toEqual(planned.map((w) => w.id));
    expect(new Set(aliases.map((a) => a.alias)).size).toBe(aliases.length);
    for (const a of aliases) {
      const w = planned.find((x) => x.id === a.workloadId)!;
      const target = names.get(a.alias);
      expect(target, a.alias).toBeDefined();
      expect(target).toEqual(litellmDeployment(w.target!.offering)!.params);
      expect(names.get(a.candidate)).toEqual(target);
      expect(fallbacks.has(a.candidate)).toBe(false);
      if (w.runRate?.currentOffering) {
        expect(names.get(a.current!)).toEqual(litellmDeployment(w.runRate.currentOffering)!.params);
        expect(fallbacks.get(a.alias)).toEqual([a.current]);
      } else {
        expect(fallbacks.has(a.alias)).toBe(false);
      }
      expect(text).toContain(`# ${w.id} "${w.name}"`);
    }
    // Blocked and out-of-scope workloads are not routed.
    for (const w of plan.workloads.filter((x) => x.status !== 'planned')) expect(names.has(`bh-${w.id.toLowerCase()}`)).toBe(false);
  });

  it('holds no secret: every key and endpoint is an os.environ/ reference, and says it is a starting point', () => {
    const text = planToGatewayYaml(plan, CTX);
    const config = parse(text) as GatewayConfig;
    for (const m of config.model_list) {
      for (const [k, v] of Object.entries(m.litellm_params)) {
        if (/key|secret|token|base|project|version/.test(k)) expect(v, `${m.model_name}.${k}`).toMatch(/^os\.environ\/[A-Z0-9_]+$/);
      }
      expect(m.litellm_params.model).toMatch(/^(bedrock|azure|vertex_ai|openai|anthropic|gemini|mistral|xai|meta_llama|hosted_vllm|cohere|deepseek)\//);
    }
    expect(text).toMatch(/^# Bridgehead gateway configuration/);
    expect(text).toContain('STARTING POINT TO REVIEW');
  });

  it('maps each route to its LiteLLM provider', () => {
    expect(litellmDeployment('amazon/nova-pro@aws_bedrock/us-gov-west-1')!.params).toEqual({ model: 'bedrock/amazon.nova-pro', aws_region_name: 'us-gov-west-1' });
    expect(litellmDeployment('openai/gpt-4o@azure/azure-gov-top-secret')!.params).toMatchObject({ model: 'azure/gpt-4o', api_base: 'os.environ/AZURE_GOV_TOP_SECRET_API_BASE' });
    expect(litellmDeployment('google/gemini-3.5-flash@google_vertex/us-central1')!.params).toEqual({ model: 'vertex_ai/gemini-3.5-flash', vertex_project: 'os.environ/VERTEXAI_PROJECT', vertex_location: 'us-central1' });
    expect(litellmDeployment('openai/gpt-6-luna@direct_api/global')!.params).toEqual({ model: 'openai/gpt-6-luna', api_key: 'os.environ/OPENAI_API_KEY' });
    expect(litellmDeployment('meta/llama-4-scout@self_hosted/customer-enclave')!.params.model).toBe('hosted_vllm/llama-4-scout');
    expect(litellmDeployment('xai/grok-4.6@partner_platform/genai-mil')!.params).toMatchObject({ model: 'openai/grok-4.6', api_base: 'os.environ/XAI_GENAI_MIL_API_BASE' });
    expect(litellmDeployment('not an offering id')).toBeNull();
  });

  it('stays valid YAML with naughty workload names (names only in comments, made visible-safe)', () => {
    const text = planToGatewayYaml(hostile, CTX);
    const config = bothWays<GatewayConfig>(text);
    expect(config.model_list.length).toBeGreaterThanOrEqual(2 * hostile.totals.counts.planned);
    // Comments never contain a raw line break of any YAML version, nor control characters.
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
    for (const line of text.split('\n')) expect(line).not.toMatch(/[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u0085\u2028\u2029]/);
  });
});

describe('evaluation configs (promptfoo)', () => {
  it('one document a planned workload: current vs candidate through the gateway aliases, placeholders marked', () => {
    const text = planToEvalsYaml(plan, CTX);
    const docs = parseAllDocuments(text);
    const aliases = gatewayAliases(plan);
    if (!Array.isArray(docs)) throw new Error('expected YAML documents');
    const parsed = (docs as Document[]).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJSON() as { description: string; tags: Record<string, string>; providers: { id: string; label: string }[]; prompts: string[]; tests: { vars: Record<string, string> }[] };
    });
    expect(parsed).toHaveLength(aliases.length);
    parsed.forEach((doc, i) => {
      const a = aliases[i]!;
      const w = plan.workloads.find((x) => x.id === a.workloadId)!;
      expect(doc.tags.workload).toBe(w.id);
      expect(doc.description).toContain(w.name);
      const ids = doc.providers.map((p) => p.id);
      expect(ids).toContain(`litellm:${a.candidate}`);
      if (a.current) expect(ids).toEqual([`litellm:${a.current}`, `litellm:${a.candidate}`]);
      expect(doc.prompts[0]).toContain('TODO(bridgehead)');
      expect(doc.prompts[0]).toContain('{{input}}');
      expect(doc.tests[0]!.vars.input).toContain('TODO(bridgehead)');
      for (const v of Object.values(doc.tags)) expect(typeof v).toBe('string');
    });
    expect(text).toContain('A STARTING POINT');
  });

  it('keeps naughty names exact in the values, for YAML 1.1 and 1.2 readers alike', () => {
    const text = planToEvalsYaml(hostile, CTX);
    const docs = parseAllDocuments(text) as unknown as { toJSON(): { description: string }; errors: unknown[] }[];
    const docs11 = parseAllDocuments(text, { version: '1.1' }) as unknown as { toJSON(): { description: string } }[];
    const planned = hostile.workloads.filter((w) => w.status === 'planned');
    expect(docs).toHaveLength(planned.length);
    planned.forEach((w, i) => {
      expect(docs[i]!.errors).toEqual([]);
      const expected = `${w.id} ${w.name}: current vs candidate model (Bridgehead parallel-run evaluation)`;
      expect(docs[i]!.toJSON().description, JSON.stringify(w.name)).toBe(expected);
      expect(docs11[i]!.toJSON().description, JSON.stringify(w.name)).toBe(expected);
    });
  });
});
