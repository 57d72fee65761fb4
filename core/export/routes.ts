/**
 * A catalog offering as a LiteLLM deployment: the `litellm_params` for its route. Secrets and
 * endpoints are `os.environ/NAME` references, never values; what cannot be known from the catalog
 * (Bedrock version suffixes, Azure deployment names, served model names) is named in a note so the
 * reviewer checks it.
 *
 *   aws_bedrock      bedrock/<provider>.<model>     region from the offering when it is an AWS region
 *   azure            azure/<model>                  the deployment is assumed named after the model
 *   google_vertex    vertex_ai/<model>              project and (non-GCP) endpoint from the environment
 *   direct_api       <provider prefix>/<model>      openai/, anthropic/, gemini/, mistral/, xai/, meta_llama/
 *   partner_platform openai/<model>                 an OpenAI-compatible endpoint of the platform
 *   self_hosted      hosted_vllm/<model>            the customer's vLLM server
 */
import { parseOfferingId } from './text';

export interface LitellmDeployment {
  /** `litellm_params` in order: model first. */
  params: Record<string, string>;
  /** Environment variables the params reference. */
  env: string[];
  /** What a reviewer must check for this route (shared by every offering on it). */
  note: string | null;
}

const DIRECT: Record<string, { prefix: string; key: string }> = {
  openai: { prefix: 'openai', key: 'OPENAI_API_KEY' },
  anthropic: { prefix: 'anthropic', key: 'ANTHROPIC_API_KEY' },
  google: { prefix: 'gemini', key: 'GEMINI_API_KEY' },
  mistral: { prefix: 'mistral', key: 'MISTRAL_API_KEY' },
  xai: { prefix: 'xai', key: 'XAI_API_KEY' },
  meta: { prefix: 'meta_llama', key: 'LLAMA_API_KEY' },
  cohere: { prefix: 'cohere', key: 'COHERE_API_KEY' },
  deepseek: { prefix: 'deepseek', key: 'DEEPSEEK_API_KEY' },
};

const AWS_REGION = /^(us|eu|ap|ca|sa|me|af|il|mx)(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;

/** An environment variable name from parts: upper-case letters, digits and `_`. */
export function envName(...parts: string[]): string {
  const words = parts
    .join('_')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    // AZURE + azure-gov-top-secret → AZURE_GOV_TOP_SECRET, not AZURE_AZURE_…
    .filter((w, i, all) => i === 0 || w !== all[i - 1]);
  return words.join('_').replace(/^(\d)/, '_$1');
}

const ref = (name: string) => `os.environ/${name}`;

export function litellmDeployment(offeringId: string): LitellmDeployment | null {
  const o = parseOfferingId(offeringId);
  if (!o) return null;
  const env: string[] = [];
  const use = (name: string) => {
    env.push(name);
    return ref(name);
  };
  switch (o.route) {
    case 'aws_bedrock': {
      const params: Record<string, string> = { model: `bedrock/${o.provider}.${o.model}` };
      params.aws_region_name = AWS_REGION.test(o.region) ? o.region : use(envName('AWS_REGION', o.region));
      return {
        params,
        env,
        note: 'Bedrock: model ids carry a version suffix (e.g. amazon.nova-pro-v1:0) and some regions need an inference-profile prefix; check each id in the Bedrock console. Credentials come from the proxy host (IAM role or AWS_* variables).',
      };
    }
    case 'azure':
      return {
        params: {
          model: `azure/${o.model}`,
          api_base: use(envName('AZURE', o.region, 'API_BASE')),
          api_key: use(envName('AZURE', o.region, 'API_KEY')),
          api_version: use('AZURE_API_VERSION'),
        },
        env,
        note: 'Azure: azure/<deployment name>; each deployment is assumed to be named after its model. Rename to your deployments.',
      };
    case 'google_vertex': {
      const params: Record<string, string> = { model: `vertex_ai/${o.model}`, vertex_project: use('VERTEXAI_PROJECT') };
      if (GCP_REGION.test(o.region)) params.vertex_location = o.region;
      else {
        params.vertex_location = use(envName('VERTEXAI_LOCATION', o.region));
        params.api_base = use(envName('VERTEXAI', o.region, 'API_BASE'));
      }
      return {
        params,
        env,
        note: 'Vertex AI: credentials from the proxy host (service account); an air-gapped or sovereign Google deployment has its own endpoint (api_base).',
      };
    }
    case 'direct_api': {
      const d = DIRECT[o.provider];
      if (d) return { params: { model: `${d.prefix}/${o.model}`, api_key: use(d.key) }, env, note: null };
      return {
        params: { model: `openai/${o.model}`, api_base: use(envName(o.provider, 'API_BASE')), api_key: use(envName(o.provider, 'API_KEY')) },
        env,
        note: `Direct API of a provider LiteLLM may know by another prefix: an OpenAI-compatible endpoint is assumed; check LiteLLM's provider list.`,
      };
    }
    case 'partner_platform':
      return {
        params: { model: `openai/${o.model}`, api_base: use(envName(o.provider, o.region, 'API_BASE')), api_key: use(envName(o.provider, o.region, 'API_KEY')) },
        env,
        note: "Partner platform: an OpenAI-compatible endpoint on the platform is assumed; use the platform's own LiteLLM provider if it has one.",
      };
    case 'self_hosted':
      return {
        params: { model: `hosted_vllm/${o.model}`, api_base: use(envName(o.provider, o.region, 'API_BASE')), api_key: use(envName(o.provider, o.region, 'API_KEY')) },
        env,
        note: 'Self-hosted: served with vLLM (OpenAI-compatible) is assumed; the model name must be the served model name.',
      };
    default:
      return {
        params: { model: `openai/${o.model}`, api_base: use(envName(o.provider, o.region, 'API_BASE')), api_key: use(envName(o.provider, o.region, 'API_KEY')) },
        env,
        note: `Route ${o.route}: an OpenAI-compatible endpoint is assumed.`,
      };
  }
}
