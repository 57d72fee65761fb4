/**
 * Escaping for the text formats. Every string that came from a user (workload names and ids,
 * reasons, owners, notes, scenario names) goes through one of these before it reaches a file.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML/SVG text node or a quoted attribute value. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Shortens plain text to `max` characters (before escaping), ending with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

// eslint-disable-next-line no-control-regex -- control characters are what this pattern is about
const LINE_BREAKS = /\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/g;

/**
 * Inline Markdown text: characters that start emphasis, code, links, HTML, tables or strike-through
 * are backslash-escaped (CommonMark lets any ASCII punctuation be escaped), so a workload named
 * `<script>` or `*bold*` reads literally.
 */
function mdEscapeInline(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~&!#]/g, '\\$&');
}

/** Escapes what would start a block at the beginning of a line: headings, quotes, lists, rules. */
function mdEscapeLeading(text: string): string {
  return text.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A paragraph or list-item text on one line. */
export function mdText(text: string): string {
  return mdEscapeLeading(mdEscapeInline(text).replace(LINE_BREAKS, ' '));
}

/** A table cell: also no line breaks (they end the row), shown as `<br>`. */
export function mdCell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  const s = String(text);
  return mdEscapeInline(s).replace(LINE_BREAKS, '<br>').trim() || ' ';
}
