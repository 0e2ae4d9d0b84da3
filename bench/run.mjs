#!/usr/bin/env node
// brandlint against its peers on ../shared/corpus/marketing-copy.
//
//   npm run bench            every tool, all 978 files, 3 repetitions, phrase scaling, language server
//   npm run bench:quick      a subset of files, one repetition (CI: prints figures, never fails on time)
//   node bench/run.mjs [--quick] [--reps N] [--every K] [--tools a,b] [--skip corpus,scaling,lsp] [--json FILE]
//     --every K: every K-th file only; --tools: brandlint, brandlint-cold, brandlint-core, textlint, textlint-wg, alex
//
// Tools run as processes, one after the other (never in parallel, so no tool competes with another for cores), in an
// order that rotates every repetition so no tool always runs on a warm or a cold cache. Reported:
// the median wall time, min–max, the peak RSS (GNU time), the findings, and peer/brandlint ratios.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bannedPhrases, readBase, vocabulary, writeGuide } from './guides.mjs';
import { filesUnder } from './corpus.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(bench, '..');
const corpus = path.resolve(repo, '../shared/corpus/marketing-copy');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const quick = flag('quick');
const reps = Number(option('reps', quick ? 1 : 3));
const every = Number(option('every', quick ? 20 : 1));
const skip = new Set(String(option('skip', '')).split(',').filter(Boolean));
const only = option('tools', '') ? new Set(option('tools', '').split(',')) : undefined;
const jsonOut = option('json', undefined);

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout?.trim() || '?';
const results = { date: new Date().toISOString(), commit, node: process.version, cpus: os.cpus().length, quick, reps, tools: {}, scaling: {}, lsp: {} };

function log(...a) {
  console.log(...a);
}

// ---------------------------------------------------------------------------------------------
// Setup

if (!fs.existsSync(corpus)) {
  log(`bench: skipped — ${path.relative(repo, corpus)} is absent (the corpus sits beside the repository in CI; a clone has none).`);
  process.exit(0);
}
if (!fs.existsSync(path.join(repo, 'dist/cli/main.js'))) {
  log('bench: dist/ is missing — run `npm run build` first (npm run bench does).');
  process.exit(2);
}

function ensurePeers() {
  if (fs.existsSync(path.join(bench, 'node_modules/textlint')) && fs.existsSync(path.join(bench, 'node_modules/alex'))) return true;
  log('bench: installing the peers into bench/node_modules (npm ci --prefix bench)…');
  const r = spawnSync('npm', ['ci', '--prefix', bench, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) log('bench: could not install the peers; only brandlint will run.');
  return r.status === 0;
}
const peers = ensurePeers();

const allFiles = filesUnder(corpus, /\.(md|mdx|markdown)$/i);
const files = allFiles.filter((_, i) => i % every === 0);
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-bench-'));
const listFile = path.join(tmp, 'files.txt');
fs.writeFileSync(listFile, files.join('\n') + '\n');
const guide = path.join(bench, 'brand.yaml');
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

log(
  `bench: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (other work on the machine skews wall times; compare CPU times then)`,
);
log(
  `bench: ${files.length} of ${allFiles.length} Markdown files (${(bytes / 1e6).toFixed(1)} MB) from ${path.relative(repo, corpus)}; ` +
    `${reps} repetition(s); commit ${commit}; node ${process.version}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`,
);

// ---------------------------------------------------------------------------------------------
// Running one command and counting what it found

/** Runs a command with stdout/stderr to files; resolves {ms, cpuMs, rssMB, code, out, err}. */
async function timed(name, cmd, args, { cwd = repo, env = {} } = {}) {
  const out = path.join(tmp, `${name}.out`);
  const err = path.join(tmp, `${name}.err`);
  const rss = path.join(tmp, `${name}.rss`);
  const fdOut = fs.openSync(out, 'w');
  const fdErr = fs.openSync(err, 'w');
  const [c, a] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', rss, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(c, a, { cwd, stdio: ['ignore', fdOut, fdErr], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code ?? -1));
  });
  const ms = performance.now() - t0;
  fs.closeSync(fdOut);
  fs.closeSync(fdErr);
  // GNU time's last line: peak RSS in KB, user and system CPU seconds (it may print a status line first).
  const [rssKB, user, sys] = gnuTime && fs.existsSync(rss) ? fs.readFileSync(rss, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: (user + sys) * 1000, rssMB: rssKB / 1024, code, out: fs.readFileSync(out, 'utf8'), err: fs.readFileSync(err, 'utf8') };
}

function countBrandlintJson(text) {
  const data = JSON.parse(text);
  const byRule = {};
  let n = 0;
  for (const f of data.files ?? []) for (const x of f.findings ?? []) (byRule[x.rule] = (byRule[x.rule] ?? 0) + 1), n++;
  return { findings: n, byRule };
}
function countTextlintJson(text) {
  const byRule = {};
  let n = 0;
  for (const f of JSON.parse(text)) for (const m of f.messages ?? []) (byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1), n++;
  return { findings: n, byRule };
}
function countAlex(text) {
  // vfile-reporter lines: "  12:5-12:9  warning  `his` may be insensitive…  her-him  retext-equality"
  const byRule = {};
  let n = 0;
  for (const m of text.matchAll(/^\s+\d+:\d+(?:-\d+:\d+)?\s+warning\s+.*?\s(\S+)\s+(\S+)\s*$/gm)) {
    byRule[m[2]] = (byRule[m[2]] ?? 0) + 1;
    n++;
  }
  return { findings: n, byRule };
}

const node = process.execPath;
const bl = path.join(repo, 'bin/brandlint.js');
const warmCache = path.join(tmp, 'cache-warm');
const textlint = path.join(bench, 'node_modules/textlint/bin/textlint.js');
const alex = path.join(bench, 'node_modules/alex/cli.js');

/** The tools of the main comparison. `ok` decides whether a run's exit code means it worked. */
const TOOLS = [
  {
    name: 'brandlint',
    label: 'brandlint CLI (--format json)',
    // Its code cache (bin/code-cache.cjs) in the bench's own folder, filled by a one-file run first, as
    // on a machine that ran brandlint before.
    run: () => timed('brandlint', node, [bl, '--guide', guide, '--format', 'json', '--output', path.join(tmp, 'brandlint.json'), ...files], { env: { BRANDLINT_CACHE_DIR: warmCache } }),
    ok: (r) => r.code === 0 || r.code === 1,
    count: () => countBrandlintJson(fs.readFileSync(path.join(tmp, 'brandlint.json'), 'utf8')),
  },
  {
    // A first run on a fresh machine (a CI runner): no code cache from an earlier run (bin/code-cache.cjs).
    name: 'brandlint-cold',
    label: 'brandlint CLI, first run',
    run: () =>
      timed('brandlint-cold', node, [bl, '--guide', guide, '--format', 'json', '--output', path.join(tmp, 'brandlint-cold.json'), ...files], {
        env: { BRANDLINT_CACHE_DIR: fs.mkdtempSync(path.join(tmp, 'cache-')) },
      }),
    ok: (r) => r.code === 0 || r.code === 1,
    count: () => countBrandlintJson(fs.readFileSync(path.join(tmp, 'brandlint-cold.json'), 'utf8')),
  },
  {
    name: 'brandlint-core',
    label: 'brandlint core in-process',
    run: () => timed('brandlint-core', node, [path.join(bench, 'core-lint.mjs'), guide, listFile]),
    ok: (r) => r.code === 0,
    count: (r) => JSON.parse(r.out.trim().split('\n').pop()),
  },
  {
    name: 'textlint',
    label: 'textlint + write-good + prh',
    peer: true,
    run: () => timed('textlint', node, [textlint, '--config', path.join(bench, 'textlintrc.json'), '--format', 'json', ...files], { cwd: bench }),
    ok: (r) => (r.code === 0 || r.code === 1) && r.out.startsWith('['),
    count: (r) => countTextlintJson(r.out),
  },
  {
    name: 'textlint-wg',
    label: 'textlint + write-good (no prh)',
    peer: true,
    run: () => timed('textlint-wg', node, [textlint, '--config', path.join(bench, 'textlintrc-write-good.json'), '--format', 'json', ...files], { cwd: bench }),
    ok: (r) => (r.code === 0 || r.code === 1) && r.out.startsWith('['),
    count: (r) => countTextlintJson(r.out),
  },
  {
    name: 'alex',
    label: 'alex',
    peer: true,
    run: () => timed('alex', node, [alex, ...files], { cwd: tmp }),
    ok: (r) => r.code === 0 || r.code === 1,
    count: (r) => countAlex(r.err),
  },
].filter((t) => (!only || only.has(t.name)) && (!t.peer || peers));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => (ms / 1000).toFixed(2);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** Runs `tools` `reps` times, rotating the order each time; returns name -> {times, rss, count, failed}. */
async function alternate(tools, reps, title) {
  const stats = Object.fromEntries(tools.map((t) => [t.name, { times: [], cpu: [], rss: [], count: undefined, failed: undefined }]));
  for (let r = 0; r < reps; r++) {
    const k = r % tools.length;
    const order = [...tools.slice(k), ...tools.slice(0, k)];
    for (const t of order) {
      const s = stats[t.name];
      if (s.failed) continue;
      const res = await t.run();
      if (!t.ok(res)) {
        s.failed = `exit ${res.code}: ${(res.err || res.out).trim().split('\n').slice(0, 3).join(' | ').slice(0, 300)}`;
        log(`  ${title} rep ${r + 1}: ${t.name} FAILED (${s.failed})`);
        continue;
      }
      s.times.push(res.ms);
      s.cpu.push(res.cpuMs);
      s.rss.push(res.rssMB);
      if (s.count === undefined) {
        try {
          s.count = t.count(res);
        } catch (e) {
          s.count = { findings: NaN, error: String(e) };
        }
      }
      log(`  ${title} rep ${r + 1}: ${pad(t.name, 16)} ${lpad(sec(res.ms), 7)} s wall ${lpad(sec(res.cpuMs), 7)} s CPU ${lpad(res.rssMB.toFixed(0), 5)} MB`);
    }
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// 1. brandlint against the peers

if (!skip.has('corpus')) {
  log(`\n== 1. Corpus run: guide bench/brand.yaml against the same terms in prh (bench/prh.yml) ==`);
  // Enough files for the worker thread to start, so both threads' code caches are written.
  if (TOOLS.some((t) => t.name === 'brandlint'))
    spawnSync(node, [bl, '--guide', guide, '--format', 'json', ...files.slice(0, 100)], { cwd: repo, stdio: 'ignore', env: { ...process.env, BRANDLINT_CACHE_DIR: warmCache } });
  const main = await alternate(TOOLS, reps, 'corpus');
  const ref = main.brandlint?.times.length ? { wall: median(main.brandlint.times), cpu: median(main.brandlint.cpu) } : undefined;
  log(
    `\n${pad('tool', 32)} ${lpad('wall s', 8)} ${lpad('min–max', 13)} ${lpad('CPU s', 8)} ${lpad('peak RSS', 9)} ${lpad('findings', 9)} ${lpad('ratio wall', 11)} ${lpad('ratio CPU', 10)}`,
  );
  for (const t of TOOLS) {
    const s = main[t.name];
    if (!s.times.length) {
      log(`${pad(t.label, 32)} failed: ${s.failed}`);
      results.tools[t.name] = { label: t.label, failed: s.failed };
      continue;
    }
    const wall = median(s.times);
    const cpu = median(s.cpu);
    const ratio = ref ? wall / ref.wall : NaN;
    const ratioCpu = ref ? cpu / ref.cpu : NaN;
    const range = `${sec(Math.min(...s.times))}–${sec(Math.max(...s.times))}`;
    const x = (v) => (t.name === 'brandlint' ? '1.00×' : Number.isFinite(v) ? v.toFixed(2) + '×' : '–');
    log(
      `${pad(t.label, 32)} ${lpad(sec(wall), 8)} ${lpad(range, 13)} ${lpad(sec(cpu), 8)} ${lpad(Math.max(...s.rss).toFixed(0) + ' MB', 9)} ${lpad(s.count?.findings ?? '?', 9)} ${lpad(x(ratio), 11)} ${lpad(x(ratioCpu), 10)}`,
    );
    results.tools[t.name] = {
      label: t.label,
      medianMs: Math.round(wall),
      medianCpuMs: Math.round(cpu),
      timesMs: s.times.map(Math.round),
      peakRssMB: Math.round(Math.max(...s.rss)),
      ...s.count,
      ratio,
      ratioCpu,
    };
  }
  if (ref) {
    log('ratio = tool median / brandlint CLI median (above 1: brandlint is faster); CPU = user + system time, steadier than wall time on a busy machine.');
    log('Target: textlint + write-good + prh ≥ 10× the time of brandlint.');
    const cold = main['brandlint-cold'];
    const tl = main.textlint;
    if (cold?.times.length && tl?.times.length) {
      const r = { wall: median(tl.times) / median(cold.times), cpu: median(tl.cpu) / median(cold.cpu) };
      results.firstRunRatio = r;
      log(`textlint + write-good + prh / brandlint CLI's first run (no code cache yet): ${r.wall.toFixed(2)}× wall, ${r.cpu.toFixed(2)}× CPU.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Phrase scaling: 10, 1,000 and 10,000 banned phrases, same tone and claims

if (!skip.has('scaling') && (!only || only.has('brandlint'))) {
  log(`\n== 2. Phrase scaling: brandlint CLI with 10 / 1,000 / 10,000 banned phrases ==`);
  const base = readBase(guide);
  const vocab = vocabulary(allFiles);
  const sizes = [10, 1000, 10000];
  const guides = Object.fromEntries(sizes.map((n) => [n, writeGuide(tmp, `phrases-${n}`, base, { banned: bannedPhrases(base, vocab, n) })]));
  const tools = sizes.map((n) => ({
    name: `phrases-${n}`,
    run: () => timed(`phrases-${n}`, node, [bl, '--guide', guides[n], '--format', 'json', '--output', path.join(tmp, `phrases-${n}.json`), ...files]),
    ok: (r) => r.code === 0 || r.code === 1,
    count: () => countBrandlintJson(fs.readFileSync(path.join(tmp, `phrases-${n}.json`), 'utf8')),
  }));
  const sc = await alternate(tools, reps, 'scaling');
  const base10 = sc['phrases-10'].times.length ? median(sc['phrases-10'].times) : undefined;
  const cpu10 = sc['phrases-10'].cpu.length ? median(sc['phrases-10'].cpu) : undefined;
  log(`\n${pad('banned phrases', 16)} ${lpad('wall s', 8)} ${lpad('CPU s', 8)} ${lpad('peak RSS', 9)} ${lpad('findings', 9)} ${lpad('wall vs 10', 11)} ${lpad('CPU vs 10', 10)}`);
  for (const n of sizes) {
    const s = sc[`phrases-${n}`];
    if (!s.times.length) {
      log(`${pad(n, 16)} failed: ${s.failed}`);
      results.scaling[n] = { failed: s.failed };
      continue;
    }
    const med = median(s.times);
    const cpu = median(s.cpu);
    const vs = (v, b) => (b ? (v / b).toFixed(2) + '×' : '?');
    log(
      `${pad(n, 16)} ${lpad(sec(med), 8)} ${lpad(sec(cpu), 8)} ${lpad(Math.max(...s.rss).toFixed(0) + ' MB', 9)} ${lpad(s.count?.findings ?? '?', 9)} ${lpad(vs(med, base10), 11)} ${lpad(vs(cpu, cpu10), 10)}`,
    );
    results.scaling[n] = {
      medianMs: Math.round(med),
      medianCpuMs: Math.round(cpu),
      timesMs: s.times.map(Math.round),
      peakRssMB: Math.round(Math.max(...s.rss)),
      findings: s.count?.findings,
      vs10: base10 ? med / base10 : undefined,
      cpuVs10: cpu10 ? cpu / cpu10 : undefined,
    };
  }
  log('Target: 10,000 phrases cost ≤ 1.3× the time of 10.');
}

// ---------------------------------------------------------------------------------------------
// 3. Language server: cold start, RSS with 10,000 terms, keystroke latency

if (!skip.has('lsp')) {
  log(`\n== 3. Language server ==`);
  const server = path.join(repo, 'bin/brandlint-ls.js');
  if (!fs.existsSync(server)) {
    log('  skipped: bin/brandlint-ls.js is not there yet');
  } else {
    const r = spawnSync(node, [path.join(bench, 'lsp-rss.mjs'), '--json', path.join(tmp, 'lsp-rss.json'), ...(quick ? ['--quick'] : [])], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 300_000,
    });
    if (r.status === 0 && fs.existsSync(path.join(tmp, 'lsp-rss.json'))) results.lsp.rss = JSON.parse(fs.readFileSync(path.join(tmp, 'lsp-rss.json'), 'utf8'));
    else log(`  lsp-rss.mjs failed (exit ${r.status ?? r.signal})`);
    const latency = path.join(bench, 'lsp-latency.mjs');
    if (fs.existsSync(latency)) {
      log('  keystroke latency (bench/lsp-latency.mjs):');
      const l = spawnSync(node, [latency, ...(quick ? ['--runs', '1', '--keys', '10'] : [])], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
      results.lsp.latencyExit = l.status;
      if (l.status !== 0) log(`  lsp-latency.mjs failed (exit ${l.status ?? l.signal})`);
    } else log('  keystroke latency: bench/lsp-latency.mjs is not there yet');
  }
}

if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
fs.rmSync(tmp, { recursive: true, force: true });
log(quick ? '\nbench:quick done (figures only; timings are never a failure).' : '\nbench: done.');
