// --fix safety through the CLI over a temp copy of the whole shared corpus (copy formats only):
// bytes change only inside the spans of findings reported before the fix, so code, URLs, markup
// and template tags stay byte-identical; no change falls partly inside an identifier written as
// plain text, a hashtag or a handle; front matter that parsed still parses; writes are atomic (a
// new inode, mode kept, no temp file left); a second --fix changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../rules/parse/frontmatter.js';
import { cleanTemps, cli, CORPUS, decodedText, ensureBuilt, expectNoTempFiles, HAS_CORPUS, listFiles, offsetOf, repo, ROOT, type JsonFinding, type JsonReport } from '../helpers/hostile.js';

const COPY = /\.(md|markdown|mdx|html?|mjml|hbs|handlebars|mustache|liquid|twig|njk|txt|tweet|post)$/i;

// The sample guide's brand rules and the fixable tone rules (contractions, spelling); the slow
// prose-only tone rules add nothing to a test of what --fix writes.
function fixGuide(): string {
  const s = fs.readFileSync(path.join(ROOT, 'samples/brand.yaml'), 'utf8');
  const tone = s.indexOf('\ntone:');
  const channels = s.indexOf('\nchannels:');
  return `${s.slice(0, tone)}\ntone:\n  contractions: prefer\n  spelling: en-US\n${s.slice(channels).replace(/^ignore:.*$/m, '')}`;
}

/** Text outside every span, in order (what --fix must leave alone), and the length of each region between. */
function outside(text: string, spans: [number, number][]): { pieces: string[]; gaps: number[] } {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  const gaps: number[] = [];
  let pos = 0;
  for (const [s, e] of sorted) {
    if (out.length > 0 && s < pos) {
      // Overlaps the previous span: one changeable region.
      gaps[gaps.length - 1] = gaps[gaps.length - 1]! + Math.max(0, e - pos);
      pos = Math.max(pos, e);
      continue;
    }
    out.push(text.slice(pos, s));
    gaps.push(e - s);
    pos = e;
  }
  out.push(text.slice(pos));
  return { pieces: out, gaps };
}

/** Whether `fixed` is `pieces` in order with short replacements between them (each at most `slack` longer than the span). */
function keepsPieces(fixed: string, pieces: string[], gaps: number[], slack = 80): boolean {
  if (!fixed.startsWith(pieces[0]!)) return false;
  let pos = pieces[0]!.length;
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i]!;
    const limit = pos + gaps[i - 1]! + slack;
    let at = p === '' ? fixed.length : fixed.indexOf(p, pos);
    if (i === pieces.length - 1) at = fixed.length - p.length; // the tail ends the file
    if (at < pos || at > limit || fixed.slice(at, at + p.length) !== p) return false;
    pos = at + p.length;
  }
  return pos === fixed.length;
}

// Non-prose constructs that must survive byte for byte (tags with prose attributes — alt, title,
// aria-label — excepted: their values are copy).
const PROTECTED: [string, RegExp][] = [
  ['fenced code', /^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm],
  ['inline code', /`[^`\n]+`/g],
  ['URL', /\bhttps?:\/\/[^\s<>"')\]]+/g],
  ['HTML tag', /<[a-zA-Z][^<>]*>/g],
  ['template tag', /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\*\|[A-Z0-9_]+\|\*/g],
];

/** Matched index pairs of two sequences, ascending (Myers' O(ND) diff; D is small here). */
function matches<T>(x: ArrayLike<T>, y: ArrayLike<T>): Array<[number, number]> {
  const n = x.length;
  const m = y.length;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  const pick = (vv: Map<number, number>, k: number, d: number) => k === -d || (k !== d && (vv.get(k - 1) ?? 0) < (vv.get(k + 1) ?? 0));
  outer: for (let d = 0; d <= n + m; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let i = pick(v, k, d) ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) (i++, j++);
      v.set(k, i);
      if (i >= n && j >= m) break outer;
    }
  }
  const out: Array<[number, number]> = [];
  let i = n;
  let j = m;
  for (let d = trace.length - 1; d >= 0 && (i > 0 || j > 0); d--) {
    const vv = trace[d]!;
    const k = i - j;
    const prevK = pick(vv, k, d) ? k + 1 : k - 1;
    const prevI = d > 0 ? (vv.get(prevK) ?? 0) : 0;
    const prevJ = d > 0 ? prevI - prevK : 0;
    while (i > prevI && j > prevJ) out.push([--i, --j]);
    (i = prevI), (j = prevJ);
  }
  return out.reverse();
}

/** Changed ranges of `a` (start, end in `a`; equal for an insertion) that turn it into `b`. */
function changes(a: string, b: string): Array<[number, number]> {
  // Lines first (files are long, changes few), then the characters of each changed hunk.
  const la = a.split(/(?<=\n)/);
  const lb = b.split(/(?<=\n)/);
  const offsets = [0];
  for (const l of la) offsets.push(offsets[offsets.length - 1]! + l.length);
  const out: Array<[number, number]> = [];
  let ci = 0;
  let cj = 0;
  for (const [mi, mj] of [...matches(la, lb), [la.length, lb.length] as [number, number]]) {
    if (mi > ci || mj > cj) {
      const oldText = la.slice(ci, mi).join('');
      const newText = lb.slice(cj, mj).join('');
      const base = offsets[ci]!;
      let pi = 0;
      let pj = 0;
      for (const [x, y] of [...matches(oldText, newText), [oldText.length, newText.length] as [number, number]]) {
        if (x > pi || y > pj) out.push([base + pi, base + x]);
        pi = x + 1;
        pj = y + 1;
      }
    }
    ci = mi + 1;
    cj = mj + 1;
  }
  return out;
}

// Names a fix must leave whole: a URL with any scheme, an @handle or npm scope, a hashtag, a name
// joined by dots, slashes or underscores (socket.io, golang/go, snake_case), a hyphenated
// lowercase name with three or more parts (acme-cloud-plugin).
const IDENTIFIER = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]|(?<![\w&])[@#]\w+(?:[./-]\w+)*|\b\w+(?:[._/]\w+)+\b|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g;

function frontMatterErrors(source: string): number {
  const fm = readFrontMatter(source);
  if (!fm) return 0;
  const open = source.indexOf('\n', fm.start) + 1;
  return parseYaml(source.slice(open, fm.end - 3)).errors.length;
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => cleanTemps());

describe.skipIf(!HAS_CORPUS)('--fix over a copy of ../shared/corpus (needs ../shared; CI has it)', () => {
  it('changes only bytes inside findings, keeps code/URLs/markup/template tags byte-identical, writes atomically, and is idempotent', async () => {
    const dir = repo({ 'brand.yaml': fixGuide() });
    const files = ['marketing-copy', 'email-templates', 'social-posts'].flatMap((d) => listFiles(path.join(CORPUS, d)).map((f) => `${d}/${f}`)).filter((f) => COPY.test(f));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.copyFileSync(path.join(CORPUS, f), path.join(dir, f));
    }
    // Odd modes must survive the rename.
    const modes = new Map<string, number>();
    files.forEach((f, i) => {
      const mode = [0o600, 0o640, 0o755, 0o644][i % 4]!;
      fs.chmodSync(path.join(dir, f), mode);
      modes.set(f, mode);
    });
    const before = new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    const inodes = new Map(files.map((f) => [f, fs.statSync(path.join(dir, f)).ino]));

    const t0 = performance.now();
    const lint = await cli(dir, ['--format', 'json', '.'], { timeout: 600_000 });
    expect(lint.signal).toBeNull();
    const report = JSON.parse(lint.stdout) as JsonReport;
    // Every finding's span (what --fix may touch), and the spans of the ones --fix applies (one suggestion).
    const spans = new Map<string, [number, number][]>();
    const fixable = new Map<string, [number, number][]>();
    for (const file of report.files) {
      const text = decodedText(before.get(file.path)!);
      const span = (f: JsonFinding): [number, number] => [offsetOf(text, f.line, f.column), offsetOf(text, f.endLine, f.endColumn)];
      spans.set(file.path, file.findings.map(span));
      fixable.set(file.path, file.findings.filter((f) => f.suggestions.length === 1).map(span));
    }
    const fix = await cli(dir, ['--fix', '--format', 'json', '.'], { timeout: 600_000 });
    expect(fix.signal).toBeNull();
    expect(fix.stderr).not.toMatch(/internal error|could not be linted|not written/);

    const changed: string[] = [];
    const problems: string[] = [];
    let protectedChecked = 0;
    let identifierChanges = 0;
    for (const f of files) {
      const abs = path.join(dir, f);
      const after = fs.readFileSync(abs);
      const st = fs.statSync(abs);
      if ((st.mode & 0o7777) !== modes.get(f)) problems.push(`${f}: mode ${(st.mode & 0o7777).toString(8)}, was ${modes.get(f)!.toString(8)}`);
      if (after.equals(before.get(f)!)) {
        if (st.ino !== inodes.get(f)) problems.push(`${f}: rewritten without a change`);
        continue;
      }
      changed.push(f);
      if (st.ino === inodes.get(f)) problems.push(`${f}: written in place, not through a temp file and rename`);
      const orig = decodedText(before.get(f)!);
      const fixed = decodedText(after);
      // A byte-order mark stays.
      if ((before.get(f)![0] === 0xef) !== (after[0] === 0xef)) problems.push(`${f}: BOM changed`);
      if (frontMatterErrors(fixed) > frontMatterErrors(orig)) problems.push(`${f}: front matter no longer parses`);
      const names: [number, number][] = [];
      for (const m of orig.matchAll(IDENTIFIER)) names.push([m.index, m.index + m[0].length]);
      for (const [a, b] of changes(orig, fixed)) {
        // A change may replace a whole name (Node.js -> Node.js®), never a part of one.
        const name = names.find(([s, e]) => a < e && s < b && !(a <= s && e <= b) && !(a === b && (a === s || a === e)));
        if (name) problems.push(`${f}: a fix changed part of ${JSON.stringify(orig.slice(name[0], name[1]))}`);
        identifierChanges++;
      }
      const s = spans.get(f) ?? [];
      const { pieces, gaps } = outside(orig, s);
      if (!keepsPieces(fixed, pieces, gaps)) problems.push(`${f}: text outside the reported findings changed`);
      for (const [what, re] of PROTECTED) {
        for (const m of orig.matchAll(re)) {
          if (what === 'HTML tag' && /\b(alt|title|aria-label)\s*=/i.test(m[0])) continue; // prose attributes
          // A template tag's string arguments are copy (`{% include … with { text: '…' } %}`): a fix
          // may change the inside of a string literal, never the tag around it.
          const strings = what === 'template tag' ? [...m[0].matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g)].map((q) => [m.index! + q.index! + 1, m.index! + q.index! + q[0].length - 1]) : [];
          const inString = (a: number, b: number) => strings.some(([s, e]) => s <= a && b <= e);
          const inSpan = (fixable.get(f) ?? []).some(([a, b]) => a < m.index! + m[0].length && m.index! < b && !inString(a, b));
          protectedChecked++;
          if (inSpan) problems.push(`${f}: a fixable finding overlaps ${what} ${JSON.stringify(m[0].slice(0, 60))}`);
        }
      }
    }
    expectNoTempFiles(dir);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(changed.length).toBeGreaterThan(20);
    expect(identifierChanges).toBeGreaterThan(changed.length);

    // Idempotent: a second --fix over what changed writes nothing.
    const snapshot = new Map(changed.map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    const again = await cli(dir, ['--fix', '--format', 'json', ...changed], { timeout: 600_000 });
    expect(again.signal).toBeNull();
    const secondChanged = changed.filter((f) => !fs.readFileSync(path.join(dir, f)).equals(snapshot.get(f)!));
    expect(secondChanged).toEqual([]);
    console.log(
      `--fix over ${files.length} corpus files: ${changed.length} changed, ${report.files.reduce((n, f) => n + f.findings.length, 0)} findings before, ` +
        `${protectedChecked} protected constructs in changed files checked; ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }, 1_200_000);
});

describe('--fix refuses unsafe writes (CLI)', () => {
  it('keeps a symlink a symlink, keeps the mode, and never fixes a file that is not valid UTF-8', async () => {
    const dir = repo({
      'brand.yaml': 'banned:\n  - phrase: utilize\n    use: use\n',
      'real/a.md': 'We utilize it.\n',
      'bad.md': Buffer.concat([Buffer.from('We utilize '), Buffer.from([0xff]), Buffer.from(' it.\n')]),
    });
    fs.symlinkSync(path.join(dir, 'real/a.md'), path.join(dir, 'link.md'));
    fs.chmodSync(path.join(dir, 'real/a.md'), 0o604);
    const r = await cli(dir, ['--fix', 'link.md', 'bad.md']);
    expect(r.signal).toBeNull();
    expect(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real/a.md'), 'utf8')).toBe('We use it.\n');
    expect(fs.statSync(path.join(dir, 'real/a.md')).mode & 0o7777).toBe(0o604);
    expect(fs.readFileSync(path.join(dir, 'bad.md'))[11]).toBe(0xff);
    expect(r.stderr).toMatch(/bad\.md: not valid UTF-8; linted with replacement characters, not fixed/);
    expectNoTempFiles(dir);
  });

  // Root writes anywhere, so the case cannot be set up there.
  it.skipIf(process.getuid?.() === 0)('a read-only folder: the file is left as it was, the run says why and goes on (not as root)', async () => {
    const dir = repo({ 'brand.yaml': 'banned:\n  - phrase: utilize\n    use: use\n', 'locked/a.md': 'We utilize it.\n', 'open/b.md': 'We utilize it.\n' });
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    try {
      const r = await cli(dir, ['--fix', '.']);
      expect(r.signal).toBeNull();
      expect(fs.readFileSync(path.join(dir, 'locked/a.md'), 'utf8')).toBe('We utilize it.\n');
      expect(fs.readFileSync(path.join(dir, 'open/b.md'), 'utf8')).toBe('We use it.\n');
      expect(r.stderr).toMatch(/locked\/a\.md: cannot write/);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
    expectNoTempFiles(dir);
  });
});
