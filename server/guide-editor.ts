// The language server's help for whoever edits brand.yaml itself, with no other extension
// installed: completion of keys and values and hover documentation from the guide's schema, what an
// entry costs (its findings in the open documents), and quick fixes for guide problems that name
// their fix.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import { completionsAt, hoverAt } from '../rules/guide/assist.js';

/** Findings of the open documents that a guide entry produced: how many, in how many documents. */
export type EntryCost = (guideFile: string, line: number, column: number) => { findings: number; documents: number; checked: number };

export function guideCompletion(doc: TextDocument, position: Position): CompletionItem[] {
  const { place, items } = completionsAt(doc.getText(), doc.offsetAt(position));
  const range = { start: doc.positionAt(place.start), end: doc.positionAt(place.end) };
  return items.map((c, i) => ({
    label: c.label,
    kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: c.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

export function guideHover(doc: TextDocument, position: Position, guideFile: string, cost: EntryCost): Hover | null {
  const h = hoverAt(doc.getText(), doc.offsetAt(position));
  if (!h) return null;
  const parts = h.markdown ? [h.markdown] : [];
  if (h.entry) {
    const c = cost(guideFile, h.entry.line, h.entry.column);
    const what = h.entry.section === 'terms' ? 'term' : h.entry.section === 'banned' ? 'banned entry' : 'claim';
    parts.push(
      c.checked === 0
        ? `No copy is open: open documents to see what this ${what} finds.`
        : `This ${what}: **${c.findings} finding${c.findings === 1 ? '' : 's'}** in ${c.documents} of the ${c.checked} open document${c.checked === 1 ? '' : 's'}.`,
    );
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
}

/** Quick fixes for the guide's own problems: the suggested word, or the repeated key removed. */
export function guideCodeActions(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const text = doc.getText();
  for (const d of diagnostics) {
    const message = typeof d.message === 'string' ? d.message : '';
    const mean = /did you mean "([^"]+)"\?/.exec(message);
    if (mean) {
      const old = text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
      const quote = /^["']/.test(old) ? old[0]! : '';
      out.push(fix(doc, `Change to "${mean[1]}"`, d, [{ range: d.range, newText: `${quote}${mean[1]}${quote}` }], true));
      continue;
    }
    if (/^duplicate key "/.test(message)) {
      out.push(fix(doc, 'Remove the repeated key', d, [{ range: pairRange(doc, d.range.start.line), newText: '' }], true));
    }
  }
  return out;
}

function fix(doc: TextDocument, title: string, d: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred, edit: { changes: { [doc.uri]: edits } } };
}

/** The lines of the key on `line` and its value: up to the next line indented no deeper than the key. */
function pairRange(doc: TextDocument, line: number) {
  const lines = doc.getText().split('\n');
  const indent = (s: string) => /^ */.exec(s)![0].length + (/^ *- /.test(s) ? 2 : 0);
  const keyIndent = /^ */.exec(lines[line] ?? '')![0].length;
  let end = line + 1;
  while (end < lines.length) {
    const l = lines[end]!;
    if (l.trim() !== '' && indent(l) <= keyIndent) break;
    end++;
  }
  return { start: { line, character: 0 }, end: { line: end, character: 0 } };
}
