// Code actions: each finding's fixes, "disable RULE for this line", "allow this phrase" in the
// guide, and "Fix all brandlint problems" (a source.fixAll action and a command).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText, lintText, ruleById, type Finding, type Format } from '../rules/index.js';
import { addAllowedPhrase } from './allow.js';
import { disableLineEdit, type CommentStyle } from './comments.js';
import { findingToDiagnostic } from './convert.js';
import type { Diagnostics, Linted } from './diagnostics.js';
import { guideCodeActions } from './guide-editor.js';
import type { GuideService } from './guide-service.js';
import { FIX_ALL_KIND } from './protocol.js';
import type { ClientCaps, Workspace } from './workspace.js';

/** Rules whose finding text is a whole sentence or post: "allow this phrase" makes no sense there. */
const NOT_ALLOWABLE = new Set(['guide', 'length', 'sentence-length', 'reading-grade', 'exclamations', 'hashtags', 'mentions']);

/**
 * Whether one click may add the finding's text to `allow:`, which silences it for every rule in the
 * whole repository. Only for style advice (banned phrases, tone) below error level: an allow on a
 * term, trademark or claim would switch off the brand's legal rules (an allowed product name even
 * hides its wrong-case forms), and an error-level entry is one the brand team made mandatory.
 */
function allowable(f: Finding): boolean {
  const category = ruleById(f.rule)?.meta.category;
  return (category === 'banned' || category === 'tone') && f.level !== 'error' && !NOT_ALLOWABLE.has(f.rule);
}

export class CodeActions {
  constructor(
    private readonly ws: Workspace,
    private readonly caps: ClientCaps,
    private readonly guides: GuideService,
    private readonly lint: Diagnostics,
  ) {}

  private edit(uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
    if (this.caps.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
    return { changes: { [uri]: edits } };
  }

  async fixAllEdit(uri: string): Promise<WorkspaceEdit | undefined> {
    const cur = await this.lint.current(uri);
    const guide = cur?.r.guide;
    if (!cur || !guide) return undefined;
    const { doc, r } = cur;
    const text = doc.getText();
    const { output, fixed } = fixText(r.file, text, guide, { languageId: doc.languageId });
    if (fixed === 0 || output === text) return undefined;
    // One minimal edit: the span between the common prefix and suffix.
    let a = 0;
    while (a < text.length && a < output.length && text[a] === output[a]) a++;
    let b = 0;
    while (b < text.length - a && b < output.length - a && text[text.length - 1 - b] === output[output.length - 1 - b]) b++;
    const range = { start: doc.positionAt(a), end: doc.positionAt(text.length - b) };
    return this.edit(uri, doc.version, [{ range, newText: output.slice(a, output.length - b) }]);
  }

  async actions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const g = this.guides.guideDoc(uri);
    if (g) return only && !only.includes(CodeActionKind.QuickFix) ? [] : guideCodeActions(g.doc, params.context.diagnostics);
    const cur = await this.lint.current(uri);
    if (!cur) return [];
    const { doc, r } = cur;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    const out: CodeAction[] = [];
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    const here = r.findings.filter((f) => f.start <= to && f.end >= from);
    if (wants(CodeActionKind.QuickFix)) out.push(...this.fixes(doc, here), ...this.disables(doc, r, here), ...this.allows(doc, r, here));
    // Fix all: as source.fixAll (on save, the Source Action menu) and, as vscode-eslint does, in the
    // Ctrl+. menu of a finding that has a fix, when the document has more than that one to fix.
    const inMenu = wants(CodeActionKind.QuickFix) && here.some((f) => f.fixes.length > 0) && r.findings.filter((f) => f.fixes.length === 1).length > 1;
    if ((wants(FIX_ALL_KIND) || inMenu) && r.findings.some((f) => f.fixes.length === 1)) {
      const e = await this.fixAllEdit(uri);
      if (e && wants(FIX_ALL_KIND)) out.push({ title: 'Fix all brandlint problems', kind: FIX_ALL_KIND, edit: e });
      if (e && inMenu) out.push({ title: 'Fix all brandlint problems', kind: CodeActionKind.QuickFix, edit: e });
    }
    return out;
  }

  /** Each finding's own fixes, the first one preferred. */
  private fixes(doc: TextDocument, here: Finding[]): CodeAction[] {
    return here.flatMap((f) => {
      const diag = findingToDiagnostic(f, doc);
      return f.fixes.map((fix, i) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: i === 0,
        edit: this.edit(
          doc.uri,
          doc.version,
          fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })),
        ),
      }));
    });
  }

  /** "Disable RULE for this line", once per rule and line. */
  private disables(doc: TextDocument, r: Linted, here: Finding[]): CodeAction[] {
    const out: CodeAction[] = [];
    const done = new Set<string>();
    for (const f of here) {
      const key = `${f.rule}:${doc.positionAt(f.start).line}`;
      if (done.has(key)) continue;
      done.add(key);
      const ins = disableLineEdit(doc.getText(), f.start, f.rule, commentStyle(r.format, r.file));
      if (ins.frontMatter && !silences(doc, r, f, ins)) continue;
      out.push({
        title: `Disable ${f.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [findingToDiagnostic(f, doc)],
        edit: this.edit(doc.uri, doc.version, [{ range: { start: doc.positionAt(ins.at), end: doc.positionAt(ins.at) }, newText: ins.text }]),
      });
    }
    return out;
  }

  private allows(doc: TextDocument, r: Linted, here: Finding[]): CodeAction[] {
    const out: CodeAction[] = [];
    const titles = new Set<string>();
    for (const f of here) {
      const a = this.allowAction(f, r, doc);
      if (a && !titles.has(a.title)) {
        titles.add(a.title);
        out.push(a);
      }
    }
    return out;
  }

  private allowAction(f: Finding, r: Linted, doc: TextDocument): CodeAction | undefined {
    if (!r.guidePath || !allowable(f)) return undefined;
    const phrase = f.text.replace(/\s+/g, ' ').trim();
    if (!phrase || phrase.length > 80) return undefined;
    const guideDoc = this.ws.openDocByPath(r.guidePath);
    let source: string;
    try {
      source = guideDoc ? guideDoc.getText() : fs.readFileSync(r.guidePath, 'utf8');
    } catch {
      return undefined;
    }
    const res = addAllowedPhrase(source, phrase);
    if (!('edit' in res)) return undefined;
    const gl = TextDocument.create('file:///guide', 'yaml', 0, source);
    const range = { start: gl.positionAt(res.edit.start), end: gl.positionAt(res.edit.end) };
    const guideUri = guideDoc?.uri ?? pathToFileURL(r.guidePath).href;
    return {
      title: `Allow "${phrase}" in ${path.basename(r.guidePath)}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [findingToDiagnostic(f, doc)],
      edit: this.edit(guideUri, guideDoc ? guideDoc.version : null, [{ range, newText: res.edit.text }]),
    };
  }
}

/** Whether inserting the comment really drops the finding (front matter comments are not read everywhere). */
function silences(doc: TextDocument, r: Linted, f: Finding, ins: { at: number; text: string }): boolean {
  if (!r.guide) return false;
  const text = doc.getText();
  const edited = text.slice(0, ins.at) + ins.text + text.slice(ins.at);
  const shift = ins.text.length;
  const after = lintText(r.file, edited, r.guide, { languageId: doc.languageId }).findings;
  return !after.some((g) => g.rule === f.rule && g.start === f.start + shift);
}

/**
 * The comment a suppression is written in. An email template gets its engine's own comment, which
 * the engine drops when it renders: an HTML comment would be sent to every customer.
 */
function commentStyle(format: Format | undefined, file: string): CommentStyle {
  if (format === 'social' || format === 'text') return 'hash';
  if (format === 'mdx') return 'mdx';
  if (format === 'html') return TEMPLATE_COMMENTS[path.extname(file).toLowerCase()] ?? 'html';
  return 'markdown';
}

const TEMPLATE_COMMENTS: Record<string, CommentStyle> = {
  '.hbs': 'handlebars',
  '.handlebars': 'handlebars',
  '.mustache': 'handlebars',
  '.liquid': 'liquid',
  '.twig': 'twig',
  '.njk': 'twig',
};
