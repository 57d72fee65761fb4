/** A deterministic inventory CSV of N rows, for crash-safety tests and benchmarks. */
const MISSIONS = ['Intelligence Analysis', 'Modeling & Simulation', 'Operations Planning', 'Cyber Ops', 'Logistics', 'Business Admin'];
const CLASSES = ['U', 'CUI', 'SECRET', 'TS', 'TS/SCI'];
const CRITS = ['Mission Critical', 'Mission Essential', 'Mission Support', 'routine'];
const VENDORS = ['anthropic', 'anthropic', 'anthropic', 'anthropic', 'openai', 'google'];

export function bigInventoryCsv(rows: number, idPrefix = 'WL'): string {
  const lines = ['Workload ID,Name,Mission Area,Current Vendor,Model,Classification,Criticality,Monthly Input Tokens,Monthly Output Tokens,Capabilities,Prompt Templates,Depends On,Owner,Notes'];
  for (let i = 0; i < rows; i++) {
    const dep = i > 0 && i % 7 === 0 ? `${idPrefix}-${String(i - 3).padStart(6, '0')}` : '';
    lines.push(
      [
        `${idPrefix}-${String(i).padStart(6, '0')}`,
        `"Workload ${i}, analysis ""cell"" ${i % 13}"`,
        MISSIONS[i % MISSIONS.length],
        VENDORS[i % VENDORS.length],
        'claude-sonnet-4-5',
        CLASSES[i % CLASSES.length],
        CRITS[i % CRITS.length],
        `${(i % 50) + 1}.5M`,
        `${(i % 30) + 1}00k`,
        i % 3 === 0 ? 'tool_use;long_context' : 'structured_output',
        String(i % 9),
        dep,
        `Office ${i % 40}`,
        i % 11 === 0 ? '"multi\nline note"' : '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
