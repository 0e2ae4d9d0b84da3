// Hover: on copy, the findings under the cursor; in a guide file, the guide editor's help.
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverMarkdown } from './convert.js';
import type { Diagnostics } from './diagnostics.js';
import { guideHover } from './guide-editor.js';
import type { GuideService } from './guide-service.js';

export async function hover(params: HoverParams, guides: GuideService, lint: Diagnostics): Promise<Hover | null> {
  const g = guides.guideDoc(params.textDocument.uri);
  if (g) return guideHover(g.doc, params.position, g.file, lint.entryCost);
  const cur = await lint.current(params.textDocument.uri);
  if (!cur) return null;
  const { doc, r } = cur;
  const at = doc.offsetAt(params.position);
  const hits = r.findings.filter((f) => f.start <= at && at <= f.end);
  if (!hits.length) return null;
  const first = hits[0]!;
  const last = hits.reduce((m, f) => Math.max(m, f.end), first.end);
  return {
    contents: { kind: 'markdown', value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
    range: { start: doc.positionAt(Math.min(...hits.map((f) => f.start))), end: doc.positionAt(last) },
  };
}
