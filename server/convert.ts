import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, GuideProblem, Level } from '../rules/index.js';

export function toSeverity(level: Level): DiagnosticSeverity {
  switch (level) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

// A guide has few distinct `docs` strings, and every finding of a keystroke's re-lint asks again:
// parsing each with URL was ~0.3 ms a keystroke on the 5,000-word document and a tenth of its garbage.
const links = new Map<string, boolean>();

function isLink(s: string | undefined): s is string {
  if (!s) return false;
  let ok = links.get(s);
  if (ok === undefined) {
    try {
      const u = new URL(s);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (links.size >= 1000) links.clear();
    links.set(s, ok);
  }
  return ok;
}

/** The finding's message with the guideline's reason, unless the rule already put it in. */
export function messageOf(f: Finding): string {
  const because = f.because?.trim();
  if (!because || f.message.includes(because)) return f.message;
  return `${f.message} — ${because}`;
}

export function findingToDiagnostic(f: Finding, doc: TextDocument): Diagnostic {
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: toSeverity(f.level),
    code: f.rule,
    source: 'brandlint',
    message: messageOf(f),
    data: { rule: f.rule, start: f.start, end: f.end },
  };
  if (isLink(f.docs)) d.codeDescription = { href: f.docs };
  return d;
}

/**
 * A guide problem's range: its end when the loader gave one, otherwise the token at its start
 * (up to the next space or line end), so the squiggle sits on the key or value at fault.
 */
export function guideProblemRange(text: string, p: GuideProblem): Range {
  const lines = text.split(/\r\n|\n|\r/);
  const line = Math.max(0, Math.min(p.line - 1, Math.max(lines.length - 1, 0)));
  const lineText = lines[line] ?? '';
  const character = Math.max(0, Math.min(p.column - 1, lineText.length));
  if (p.endLine !== undefined && p.endColumn !== undefined && (p.endLine > p.line || (p.endLine === p.line && p.endColumn > p.column))) {
    return { start: { line, character }, end: { line: p.endLine - 1, character: Math.max(0, p.endColumn - 1) } };
  }
  const rest = lineText.slice(character);
  const token = /^[^\s]+/.exec(rest)?.[0].length ?? 0;
  const len = token || (rest.length ? rest.length : 0);
  return { start: { line, character }, end: { line, character: character + Math.max(len, lineText.length ? Math.min(1, rest.length) : 0) } };
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}

/**
 * Hover text for one finding: its rule, suggestions, docs and the guide entry behind it. Not the
 * message and reason: the diagnostic under the cursor carries both, and editors show it in the same
 * hover (VS Code), or on their own float beside it (Neovim, Emacs), so repeating them here showed
 * each two or three times.
 */
export function hoverMarkdown(f: Finding): string {
  const parts = [`**brandlint** \`${f.rule}\` (${f.level})`];
  if (f.suggestions.length) parts.push(`*Suggestions:* ${f.suggestions.map((s) => `\`${s.replace(/`/g, "'")}\``).join(', ')}`);
  const links: string[] = [];
  if (isLink(f.docs)) links.push(`[Guideline](${f.docs})`);
  if (f.ref) {
    const href = `${pathToUri(f.ref.file)}#L${f.ref.line}`;
    links.push(`[${escapeMd(basename(f.ref.file))}:${f.ref.line}](${href})`);
  }
  if (links.length) parts.push(links.join(' · '));
  return parts.join('\n\n');
}

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function pathToUri(p: string): string {
  return 'file://' + p.split('/').map(encodeURIComponent).join('/');
}
