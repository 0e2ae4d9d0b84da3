// `brandlint mcp`: a Model Context Protocol server over stdio, so an AI writing assistant can check
// and fix its drafts against the brand guide while it writes. It finds the guide as the CLI does
// (the nearest brand.yaml above the path a draft stands for) and reads nothing outside the
// workspace root it was started with: paths that leave it are refused, guides found above it are
// not used, and `extends` may not leave it either.
import fs from 'node:fs';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { findGuide, fixText, lintText, loadGuide, type Finding, type Format, type Guide, type GuideProblem } from '../../rules/index.js';
import { PLATFORMS } from '../../rules/text/platforms.js';
import { formatGuideProblem } from '../guides.js';
import { version } from '../version.js';
import { EXIT, UsageError, writeAll, type CliIo } from '../io.js';
import { strictArgs } from './check-guide.js';
import { explainText } from './explain.js';

export const MCP_HELP = `Usage: brandlint mcp [options]

Serve the brand guide to AI writing assistants over the Model Context Protocol (stdio).
Tools: check_copy, fix_copy, explain, list_guide.

Options:
      --root DIR      the workspace: nothing outside it is read (default: the current folder)
  -g, --guide FILE    use this guide for every path (inside the root; default: the nearest
                      brand.yaml above each path, as the CLI finds it)
  -h, --help          show this help
`;

const FORMATS = ['markdown', 'mdx', 'html', 'social'] as const;

/** A path the client named, resolved inside the root, or why it is refused. */
export function insideRoot(root: string, p: string): string {
  const abs = path.resolve(root, p);
  const rel = path.relative(root, abs);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new ToolError(`"${p}" is outside the workspace (${root}); give a path inside it`);
  }
  // Symlinks count where they point: the deepest existing ancestor must resolve inside the root.
  let probe = abs;
  while (!fs.existsSync(probe) && probe !== root) probe = path.dirname(probe);
  const real = fs.realpathSync(probe);
  const relReal = path.relative(fs.realpathSync(root), real);
  if (relReal === '..' || relReal.startsWith(`..${path.sep}`) || path.isAbsolute(relReal)) {
    throw new ToolError(`"${p}" leads outside the workspace (${root}) through a symbolic link`);
  }
  return abs;
}

/** A tool call that cannot be answered: the client sees the message as a tool error. */
class ToolError extends Error {}

export class GuideSource {
  private readonly cache = new Map<string, { stamp: string; guide?: Guide; problems: GuideProblem[] }>();

  constructor(
    readonly root: string,
    private readonly forced?: string,
  ) {}

  /** The guide for a path inside the root, loaded again when one of its files changed. */
  guideFor(abs: string): { guide?: Guide; problems: GuideProblem[]; file: string } {
    const file = this.forced ?? findGuide(abs, this.root);
    if (!file) throw new ToolError(`no brand.yaml in ${this.root} or between it and ${path.relative(this.root, abs) || '.'}; a brand team writes one with \`brandlint init\``);
    const key = path.resolve(file);
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stampOf(hit.guide?.files ?? [key])) return { ...hit, file: key };
    const r = loadGuide(key, { root: this.root });
    const entry = { stamp: stampOf(r.ok ? r.guide.files : [key]), guide: r.ok ? r.guide : undefined, problems: r.problems };
    this.cache.set(key, entry);
    return { ...entry, file: key };
  }
}

function stampOf(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = fs.statSync(f);
        return `${f}:${s.mtimeMs}:${s.size}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
}

interface CopyArgs {
  text: string;
  path?: string;
  format?: (typeof FORMATS)[number];
  channel?: 'email' | 'social';
  platform?: string;
}

/** The file a draft stands for: its path (or copy.md in the root), with the platform as a name infix. */
function draftFile(root: string, a: CopyArgs): string {
  let file = insideRoot(root, a.path ?? 'copy.md');
  if (a.platform) {
    const ext = path.extname(file) || '.txt';
    const base = path.basename(file, ext);
    // launch.x.txt: the platform infix is how a draft names its platform to the parser.
    if (!base.toLowerCase().endsWith(`.${a.platform}`)) file = path.join(path.dirname(file), `${base}.${a.platform}${ext}`);
  }
  return file;
}

function formatOf(a: CopyArgs): Format | undefined {
  if (a.format) return a.format;
  if (a.channel === 'social' || a.platform) return 'social';
  if (a.channel === 'email') return 'html';
  return undefined;
}

function guideOrThrow(src: GuideSource, file: string): Guide {
  const { guide, problems, file: guideFile } = src.guideFor(file);
  if (!guide) {
    const shown = problems.slice(0, 10).map((p) => formatGuideProblem(src.root, p));
    throw new ToolError(`the guide ${path.relative(src.root, guideFile)} has errors, so nothing can be checked:\n${shown.join('\n')}`);
  }
  return guide;
}

/** A finding as an assistant needs it: what, why, where, and what to write instead. */
function shown(f: Finding) {
  return {
    rule: f.rule,
    level: f.level,
    message: f.message,
    ...(f.because ? { reason: f.because } : {}),
    text: f.text,
    range: { start: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn } },
    offsets: { start: f.start, end: f.end },
    suggestions: f.suggestions,
    ...(f.docs ? { docs: f.docs } : {}),
  };
}

/** Why `--fix` left a finding alone. */
export function whyNotFixed(f: Finding): string {
  if (f.fixes.length > 1) return `several replacements fit (${f.suggestions.map((s) => `"${s}"`).join(', ')}): choose one by hand`;
  if (f.fixes.length === 1) return 'its fix overlaps another fix; run fix_copy again on the result';
  if (f.suggestions.length > 0) return 'the text is not to be rewritten automatically here (quoted or verbatim copy, or markup inside the match): rewrite it by hand';
  return 'the guide gives no replacement: rewrite the sentence';
}

function result(value: unknown) {
  return { content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

function failure(e: unknown) {
  if (!(e instanceof ToolError)) throw e;
  return { content: [{ type: 'text' as const, text: e.message }], isError: true };
}

/** A tool's handler whose refusals (ToolError) reach the client as tool errors. */
function guarded<A, R>(run: (a: A) => R): (a: A) => R | ReturnType<typeof failure> {
  return (a) => {
    try {
      return run(a);
    } catch (e) {
      return failure(e);
    }
  };
}

/** The guide for the folder or file a tool call names (the root when it names none). */
function guideAt(src: GuideSource, p: string | undefined): Guide {
  return guideOrThrow(src, insideRoot(src.root, p ?? '.'));
}

const copyShape = {
  text: z.string().describe('The copy to check, as it would be written in the file.'),
  path: z
    .string()
    .optional()
    .describe('Path inside the workspace the copy is for (e.g. blog/launch.md, emails/welcome.hbs). Picks the guide, the format and the channel. Default: copy.md at the root.'),
  format: z.enum(FORMATS).optional().describe('Parse the text as this format instead of the one the path implies.'),
  channel: z.enum(['email', 'social']).optional().describe('Check the text as an email template or a social draft.'),
  platform: z.enum(PLATFORMS as unknown as [string, ...string[]]).optional().describe('Social platform whose length limit applies (implies a social draft).'),
};

export function createMcpServer(src: GuideSource): McpServer {
  const server = new McpServer({ name: 'brandlint', version: version() }, { capabilities: { tools: {} } });

  server.registerTool(
    'check_copy',
    {
      title: 'Check copy against the brand guide',
      description:
        "Lint marketing copy against the brand guide that applies to its path: product naming, banned phrases, claims that need substantiation, tone, channel limits. Returns each finding with the rule, the brand's reason, its range and the suggested replacements.",
      inputSchema: copyShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((a) => {
      const file = draftFile(src.root, a);
      const guide = guideOrThrow(src, file);
      const r = lintText(file, a.text, guide, { format: formatOf(a), includeIgnored: true });
      if (r.skipped) throw new ToolError(`not checked: ${r.skipped}; give a path with a copy extension (.md, .mdx, .html, .hbs, .txt …) or a format`);
      return result({ guide: path.relative(src.root, guide.path), findings: r.findings.map(shown) });
    }),
  );

  server.registerTool(
    'fix_copy',
    {
      title: 'Fix copy with the brand guide',
      description:
        'Apply every fix the brand guide makes safely (one replacement, prose only, never identifiers, URLs, hashtags, quotations or template code), then list what is left and why it was not fixed.',
      inputSchema: copyShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((a) => {
      const file = draftFile(src.root, a);
      const r = fixText(file, a.text, guideOrThrow(src, file), { format: formatOf(a), includeIgnored: true });
      if (r.result.skipped) throw new ToolError(`not checked: ${r.result.skipped}`);
      return result({ text: r.output, fixed: r.fixed, notFixed: r.result.findings.map((f) => ({ ...shown(f), why: whyNotFixed(f) })) });
    }),
  );

  server.registerTool(
    'explain',
    {
      title: 'Explain a rule or guide entry',
      description: 'What the brand guide says about a word, a phrase or a rule id (banned, claim, passive-voice, …): the entries, why, and where they are written.',
      inputSchema: {
        query: z.string().min(1).describe('A word, phrase or rule id.'),
        path: z.string().optional().describe('Path inside the workspace whose guide to ask (default: the root).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((a) => {
      const { found, text } = explainText(src.root, guideAt(src, a.path), a.query.trim());
      return { content: [{ type: 'text' as const, text }], structuredContent: { found, text } };
    }),
  );

  server.registerTool(
    'list_guide',
    {
      title: "List the guide's terms and banned phrases",
      description:
        'The product names to write exactly (with their wrong forms and trademark symbols), the banned phrases with what to write instead, and the claims that need a citation or disclaimer, so a draft can be written on-brand from the start.',
      inputSchema: { path: z.string().optional().describe('Path inside the workspace whose guide to list (default: the root).') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((a) => result(listGuide(src.root, guideAt(src, a.path)))),
  );
  return server;
}

export function listGuide(root: string, guide: Guide) {
  const why = (b?: string) => (b ? { because: b } : {});
  return {
    guide: path.relative(root, guide.path),
    ...(guide.brand ? { brand: guide.brand } : {}),
    terms: guide.terms.map((t) => ({ use: t.use, not: t.not, ...(t.trademark ? { trademark: t.trademark } : {}), ...why(t.because) })),
    banned: guide.banned.map((b) => ({
      ...(b.pattern !== undefined ? { pattern: b.pattern } : { phrases: b.phrases }),
      use: b.use,
      ...why(b.because),
    })),
    claims: guide.claims.map((c) => ({
      ...(c.pattern !== undefined ? { pattern: c.pattern } : { phrases: c.phrases }),
      needs: c.needs ?? 'never make it',
      ...(c.disclaimer ? { disclaimer: c.disclaimer } : {}),
      ...why(c.because),
    })),
    allow: guide.allow,
    tone: Object.fromEntries(Object.entries(guide.tone).map(([id, t]) => [id, { level: t.level, ...t.options }])),
  };
}

export async function mcpCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = strictArgs(argv, { root: { type: 'string' }, guide: { type: 'string', short: 'g' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    await writeAll(io.stdout, MCP_HELP);
    return EXIT.clean;
  }
  const root = path.resolve(io.cwd, (values.root as string | undefined) ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${values.root}: not a folder`);
  let forced: string | undefined;
  if (values.guide !== undefined) {
    try {
      forced = insideRoot(root, path.resolve(io.cwd, values.guide as string));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (!fs.existsSync(forced)) throw new UsageError(`no such guide: ${values.guide}`);
  }
  const server = createMcpServer(new GuideSource(root, forced));
  const transport = new StdioServerTransport(io.stdin, io.stdout);
  await server.connect(transport);
  // Serve until the client closes its end (the assistant quits or restarts the server).
  await new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    io.stdin.once('end', () => resolve());
    io.stdin.once('close', () => resolve());
  });
  await server.close();
  return EXIT.clean;
}
