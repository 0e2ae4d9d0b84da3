// The report: the score formula, the data through `brandlint report` as a process, the trend from
// earlier JSON reports, and the HTML page rendered in headless Chromium with a saved screenshot.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../rules/index.js';
import { band, categoryScore, countWords, score } from '../../rules/report/score.js';
import { buildReportData, parseReportJson, type ReportData } from '../../rules/report/model.js';
import { renderReportHtml } from '../../rules/report/html.js';
import { splitPrevious } from '../../cli/commands/report.js';
import { parseDocument } from '../../rules/index.js';
import { BIN, ROOT, cleanTemps, fixtureRepo, run } from '../helpers/cli-temp.js';

afterAll(cleanTemps);

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-output');

function finding(rule: string, text: string, level: Finding['level'] = 'warning', suggestions: string[] = []): Finding {
  return { rule, level, message: `m ${text}`, start: 0, end: text.length, line: 1, column: 1, endLine: 1, endColumn: text.length + 1, text, suggestions, fixes: [] };
}

describe('score', () => {
  it('is N/(N+issues) per category with N = words/75, averaged, ×100', () => {
    // 150 words → N = 2. Tone: 2 issues → 2/(2+2) = 50; claims: 1 → 2/3; others 100.
    const s = score(150, { terms: 0, banned: 0, claims: 1, tone: 2, channel: 0 });
    expect(s.categories).toEqual({ terms: 100, banned: 100, claims: 66.7, tone: 50, channel: 100 });
    expect(s.score).toBe(83.3); // (100 + 100 + 66.67 + 50 + 100) / 5
    expect(s.band).toBe('good');
    expect(categoryScore(0, 0)).toBe(100);
    expect(categoryScore(0, 3)).toBe(0);
    expect([band(80), band(79.9), band(60), band(59.9)]).toEqual(['good', 'fair', 'fair', 'poor']);
  });

  it('counts the words a reader counts (no code, no URLs, no markup)', () => {
    const doc = parseDocument('a.md', '# Hello world\n\nRun `npm install` at https://acme.example now — it’s quick.\n', 'markdown');
    expect(countWords(doc)).toBe(7); // Hello world Run at now it’s quick
  });

  it('builds groups, phrases and hints that do not count', () => {
    const data = buildReportData(
      [
        { path: 'blog/a.md', words: 150, channel: 'web', findings: [finding('banned', 'utilize', 'warning', ['use']), finding('banned', 'Utilize', 'warning', ['Use']), finding('weasel-words', 'very', 'hint')] },
        { path: 'emails/b.html', words: 75, channel: 'email', findings: [finding('banned', 'utilize', 'error', ['use']), finding('length', 'A very long subject line')] },
        { path: 'top.md', words: 0, channel: 'web', findings: [] },
      ],
      { generatedAt: new Date('2026-01-02T03:04:05Z'), version: '9.9.9', brand: 'Acme' },
    );
    expect(data.summary).toMatchObject({ documents: 3, words: 225, findings: 5, issues: { banned: 3, tone: 0, channel: 1 } });
    // N = 3: banned 3/(3+3) = 50, channel 3/4 = 75 → (100+50+100+100+75)/5 = 85
    expect(data.summary.score).toBe(85);
    expect(data.byRule.map((r) => [r.rule, r.findings, r.documents])).toEqual([['banned', 3, 2], ['length', 1, 1], ['weasel-words', 1, 1]]);
    expect(data.byFolder.map((g) => g.name)).toEqual(['emails', 'blog', '.']);
    expect(data.topPhrases[0]).toMatchObject({ phrase: 'utilize', rule: 'banned', count: 3, documents: 2, suggestions: ['use'] });
    // A whole subject line is not a "phrase".
    expect(data.topPhrases.some((p) => p.rule === 'length')).toBe(false);
    expect(data.trend).toEqual([{ generatedAt: '2026-01-02T03:04:05.000Z', label: 'this run', score: 85, band: 'good', documents: 3, findings: 5 }]);
    const back = parseReportJson(JSON.stringify(data));
    expect(back.ok).toBe(true);
    expect(parseReportJson('{"schema":"other"}')).toMatchObject({ ok: false });
    expect(parseReportJson('nope')).toMatchObject({ ok: false });
  });

  it('escapes everything it prints', () => {
    const data = buildReportData([{ path: 'x/<script>.md', words: 10, channel: '<b>', findings: [finding('banned', '<img src=x onerror=alert(1)>')] }], { brand: '<Acme & Co>' });
    const html = renderReportHtml(data);
    expect(html).not.toMatch(/<script|<img |<td><b>/);
    expect(html).toMatch(/x\/&lt;script&gt;\.md/);
    expect(html).toMatch(/&lt;img src=x onerror=alert\(1\)&gt;/);
    expect(html).toMatch(/&lt;Acme &amp; Co&gt; brand report/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // self-contained: no links out, no fetches
  });

  it('--previous takes every following .json argument', () => {
    expect(splitPrevious(['docs', '--previous', 'a.json', 'b.json', 'blog', '--html', 'r.html'])).toEqual({ rest: ['docs', 'blog', '--html', 'r.html'], previous: ['a.json', 'b.json'] });
    expect(splitPrevious(['--previous=a.json', '--previous', 'c.JSON'])).toEqual({ rest: [], previous: ['a.json', 'c.JSON'] });
  });
});

describe('brandlint report (CLI)', () => {
  it('writes JSON with scores per document, channel and folder, skipping its own output', () => {
    const dir = fixtureRepo('site');
    const r = run(dir, ['report', '--json', 'out/r1.json', '--html', 'out/r1.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Brand score \d+(\.\d)? \((on brand|needs work|off brand)\) over 5 documents/);
    expect(r.stdout).toMatch(/Wrote out\/r1\.html/);
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'out/r1.json'), 'utf8')) as ReportData;
    expect(data.brand).toBe('Acme');
    expect(data.documents.map((d) => d.path)).toEqual(['blog/clean.md', 'blog/launch.md', 'emails/welcome.html', 'legal/terms.md', 'social/launch.txt']);
    const clean = data.documents.find((d) => d.path === 'blog/clean.md')!;
    expect(clean.score).toBe(100);
    const launch = data.documents.find((d) => d.path === 'blog/launch.md')!;
    expect(launch.band).toBe('poor');
    expect(launch.issues.banned).toBeGreaterThanOrEqual(4); // utilize ×2, leverage, synergy
    expect(data.byChannel.map((c) => c.name).sort()).toEqual(['email', 'social', 'web']);
    expect(data.byFolder.map((c) => c.name).sort()).toEqual(['blog', 'emails', 'legal', 'social']);
    // legal/** has claims off: no claim findings there
    expect(data.findings.filter((f) => f.path === 'legal/terms.md' && f.rule === 'claim')).toEqual([]);
    const utilize = data.topPhrases.find((p) => p.phrase.toLowerCase().startsWith('utiliz'));
    expect(utilize?.suggestions.map((s) => s.toLowerCase())).toContain('use');
    // Every finding in the JSON points at the exact text in the source.
    for (const f of data.findings) {
      const lines = fs.readFileSync(path.join(dir, f.path), 'utf8').split('\n');
      if (f.line === f.endLine) expect(lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1)).toBe(f.text);
    }
    // Run again over the same tree with the first report inside it: the report is not a document.
    const r2 = run(dir, ['report', '.', '--json', 'out/r2.json', '--previous', 'out/r1.json']);
    expect(r2.code, r2.stderr).toBe(0);
    const d2 = JSON.parse(fs.readFileSync(path.join(dir, 'out/r2.json'), 'utf8')) as ReportData;
    expect(d2.summary.documents).toBe(5);
    expect(d2.trend.map((t) => t.label)).toEqual(['r1.json', 'this run']);
    expect(r2.stdout).toMatch(/Trend: [+-]?\d+(\.\d)? since r1\.json/);
  });

  const hasScript = fs.existsSync('/usr/bin/script');
  it.skipIf(!hasScript)('shows a progress bar on a terminal for long runs, and none when stderr is not a terminal', () => {
    const dir = fixtureRepo('site');
    for (let i = 0; i < 60; i++) fs.copyFileSync(path.join(dir, 'blog/clean.md'), path.join(dir, `blog/p${i}.md`));
    // util-linux `script` gives the CLI a pseudo-terminal, as a shell in a terminal would.
    const cmd = `'${process.execPath}' '${BIN}' report --json r.json`;
    const tty = spawnSync('/usr/bin/script', ['-q', '-c', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(tty.status, tty.stderr).toBe(0);
    expect(tty.stdout).toMatch(/brandlint report \[[^\]]*\] 65\/65 files/);
    expect(tty.stdout).toMatch(/over 65 documents/);
    const piped = run(dir, ['report', '--json', 'r2.json']);
    expect(piped.stderr).toBe('');
  });

  it('exit 2 for a bad --previous or a broken guide', () => {
    const dir = fixtureRepo('site');
    fs.writeFileSync(path.join(dir, 'old.json'), '{"schema":"something-else"}');
    const bad = run(dir, ['report', '--previous', 'old.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--previous old\.json: not a brandlint report/);
    fs.appendFileSync(path.join(dir, 'brand.yaml'), '\nbogus: 1\n');
    const broken = run(dir, ['report', '--json', 'r.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/brand\.yaml:\d+:1 error .*bogus/);
  });
});

const hasChromium = fs.existsSync(CHROMIUM);
describe.skipIf(!hasChromium)('the HTML report in headless Chromium', () => {
  it('renders the score, charts, tables and trend; screenshot saved to test-output/', async () => {
    const dir = fixtureRepo('site');
    // Three runs: before fixes, after --fix, and after --fix with earlier reports as the trend.
    expect(run(dir, ['report', '--json', 'reports/before.json']).code).toBe(0);
    run(dir, ['--fix', '.']);
    const r = run(dir, ['report', '--html', 'reports/report.html', '--json', 'reports/after.json', '--previous', 'reports/before.json']);
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'reports/report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link |src="http|url\(http/i); // self-contained, no network

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto('file://' + path.join(dir, 'reports/report.html'));
      const after = JSON.parse(fs.readFileSync(path.join(dir, 'reports/after.json'), 'utf8')) as ReportData;
      expect(await page.title()).toBe('Acme brand report');
      expect(await page.locator('h1').innerText()).toBe('Acme brand report');
      // The gauge shows the overall score from the JSON of the same run.
      const gauge = page.locator('svg.gauge');
      expect(await gauge.getAttribute('aria-label')).toBe(`Brand score ${String(after.summary.score).replace(/\.0$/, '')} of 100`);
      expect(await page.locator('#score .chart text.bar-label').allTextContents()).toEqual(['Terms & names', 'Banned words', 'Claims', 'Tone', 'Channel limits']);
      expect(await page.locator('#trend svg circle').count()).toBe(2);
      expect(await page.locator('#by-rule svg text.bar-label').first().textContent()).toBe(after.byRule[0]!.rule);
      expect(await page.locator('#by-channel tbody tr').count()).toBe(3);
      expect(await page.locator('#documents tbody tr').count()).toBe(5);
      // Worst first, and each row's pill is that document's score.
      const firstRow = page.locator('#documents tbody tr').first();
      const worst = [...after.documents].sort((a, b) => a.score - b.score)[0]!;
      expect(await firstRow.locator('td.path').innerText()).toBe(worst.path);
      // Laid out: the charts have real size, and nothing overflows the page width.
      const box = await page.locator('#score svg.chart').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1200);
      expect(requests).toEqual([]);
      fs.mkdirSync(OUT, { recursive: true });
      const shot = path.join(OUT, 'owner-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(fs.statSync(shot).size).toBeGreaterThan(20_000);
    } finally {
      await browser.close();
    }
  });
});
if (!hasChromium) console.warn(`report: ${CHROMIUM} not found; the HTML report screenshot test is skipped (apt-get install chromium)`);
