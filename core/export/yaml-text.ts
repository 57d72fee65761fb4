/**
 * YAML text that YAML 1.1 readers (PyYAML in LiteLLM, js-yaml in promptfoo) and 1.2 readers read
 * the same way: strings 1.1 would take for booleans, dates or numbers (`yes`, `on`, `2027-05-05`,
 * `0x1F`) are quoted, and NEL / LS / PS — line breaks to a 1.1 reader, ordinary characters to a 1.2
 * one — are written as the escapes `\N`, `\L`, `\P` inside double quotes. Comments go through
 * `visible()` (text.ts), so nothing in them can end the comment line.
 */
import { Document, visit, type Scalar } from 'yaml';

const ODD_BREAKS = /[\u0085\u2028\u2029]/;

export function newYamlDocument(value: unknown): Document {
  return new Document(value, { version: '1.1' });
}

export function yamlText(doc: Document): string {
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === 'string' && ODD_BREAKS.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc
    .toString({ lineWidth: 0, minContentWidth: 0 })
    .replace(/\u0085/g, '\\N')
    .replace(/\u2028/g, '\\L')
    .replace(/\u2029/g, '\\P');
}

/** Comment lines: each given line becomes one `# line`. */
export function commentLines(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
}
