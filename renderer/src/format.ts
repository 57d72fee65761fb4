/** Display labels and number formats shared by the views. */
const LABELS: Record<string, string> = {
  intelligence_analysis: 'Intelligence analysis',
  modeling_simulation: 'Modeling & simulation',
  operations_planning: 'Operations planning',
  cyber_operations: 'Cyber operations',
  logistics: 'Logistics',
  business_admin: 'Business & admin',
  other: 'Other',
  unclassified: 'Unclassified',
  cui: 'CUI',
  secret: 'Secret',
  top_secret: 'Top Secret',
  routine: 'Routine',
  support: 'Support',
  essential: 'Essential',
  critical: 'Critical',
  direct_api: 'Direct API',
  aws_bedrock: 'AWS Bedrock',
  azure: 'Azure',
  google_vertex: 'Google Vertex',
  partner_platform: 'Partner platform',
  self_hosted: 'Self-hosted',
};

export const label = (value: string | null | undefined): string =>
  value === null || value === undefined ? 'Unknown' : (LABELS[value] ?? value);

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US');
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export const formatCompact = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : compact.format(n));
export const formatWhole = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : whole.format(n));
export const formatMoney = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : money.format(n));
