#!/usr/bin/env node
// The precision harness: lints each labelled set of the shared corpus with the brand guide written for
// it (precision/sets.json, precision/guides/) through the built core, matches today's findings to the
// hand labels (precision/labels/<set>.jsonl) and prints precision and recall per rule.
//
//   npm run precision                 builds, then prints the table
//   node precision/run.mjs [--json] [--by-set] [--classes] [--wrong] [--set NAME]
//
// It measures; it is not a gate: the exit code is 0 whatever the figures, 2 when labels point at corpus
// files that are not there (a corpus of another version), and 0 with a notice when there is no corpus.
//
// Labels: {file, rule, line, column, text, label, reason}. `tp` and `fp` are findings brandlint reported
// when they were labelled, drawn by stratified random sampling (precision/sample.mjs); `fn` is copy a
// careful editor would flag that brandlint did not report. A finding matches a label with the same file,
// rule, line, column and text; failing that, one with the same file and rule whose range overlaps the
// label's (a rule that now reports a slightly different span of the same words still counts).
//
// Per rule:
//   findings   all findings of the rule on the labelled sets today
//   tp, fp     labelled true and false positives reported today
//   precision  tp / (tp + fp)
//   weighted   the same, each set weighted by its share of the rule's findings (the sample is
//              stratified by set, so this is the estimate for the whole corpus)
//   recall     true positives reported today / every label that should be reported (tp and fn labels)
//   recall est the same with the sampling undone: tp labels are a sample of the findings while the fn
//              labels are every miss the searches found, so this divides the estimated number of true
//              positives (weighted precision x findings) by itself plus the fn labels still missed
//   tp lost    tp labels no longer reported (a change that removes these lost true positives)
//   fp gone    fp labels no longer reported
//   fn found   fn labels reported today
//   unlabelled findings with no label (new findings after a change show up here)
import fs from 'node:fs';
import path from 'node:path';
import { readSets, readLabels, lintSet, CORPUS, corpusPresent, key } from './lib.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const bySet = args.includes('--by-set');
const classes = args.includes('--classes');
const listWrong = args.includes('--wrong');
const wrong = []; // labelled fp still reported and labelled tp lost, for --wrong
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;

if (!corpusPresent()) {
  const msg = `precision: skipped, no corpus at ${CORPUS} (set BRANDLINT_CORPUS to the folder that holds MANIFEST.md).`;
  if (asJson) console.log(JSON.stringify({ skipped: msg }));
  else console.log(msg);
  process.exit(0);
}

const sets = readSets().filter((s) => !onlySet || s.set === onlySet);
if (sets.length === 0) {
  console.error(`precision: no set named ${onlySet} in precision/sets.json`);
  process.exit(2);
}

/** Line and column just past `text` placed at line:column. */
function endOf(label) {
  const parts = label.text.split('\n');
  return parts.length === 1
    ? { line: label.line, column: label.column + label.text.length }
    : { line: label.line + parts.length - 1, column: parts[parts.length - 1].length + 1 };
}
const before = (l1, c1, l2, c2) => l1 < l2 || (l1 === l2 && c1 < c2);
function overlaps(f, label) {
  const e = endOf(label);
  return before(f.line, f.column, e.line, e.column) && before(label.line, label.column, f.endLine, f.endColumn);
}

const missing = new Set();
const rows = new Map(); // rule -> totals
const perSet = [];
const fpClasses = new Map(); // class -> {all, reported}
const row = (rule) => {
  if (!rows.has(rule)) rows.set(rule, { rule, findings: 0, labels: { tp: 0, fp: 0, fn: 0 }, tp: 0, fp: 0, fnFound: 0, tpLost: 0, fpGone: 0, unlabelled: 0, strata: [] });
  return rows.get(rule);
};

for (const s of sets) {
  const labels = readLabels(s.set);
  for (const l of labels) if (!fs.existsSync(path.join(CORPUS, l.file))) missing.add(l.file);
  const { files, findings } = await lintSet(s);
  const exact = new Map();
  for (const l of labels) exact.set(key(l), l);
  const matched = new Map(); // label -> finding
  const unmatched = [];
  for (const f of findings) {
    const l = exact.get(key(f));
    if (l && !matched.has(l)) matched.set(l, f);
    else unmatched.push(f);
  }
  const open = labels.filter((l) => !matched.has(l));
  const unlabelledFindings = [];
  for (const f of unmatched) {
    const l = open.find((x) => !matched.has(x) && x.rule === f.rule && x.file === f.file && overlaps(f, x));
    if (l) matched.set(l, f);
    else unlabelledFindings.push(f);
  }

  const local = new Map();
  const lrow = (rule) => {
    if (!local.has(rule)) local.set(rule, { findings: 0, tp: 0, fp: 0 });
    return local.get(rule);
  };
  for (const f of findings) {
    row(f.rule).findings++;
    lrow(f.rule).findings++;
  }
  for (const f of unlabelledFindings) row(f.rule).unlabelled++;
  for (const l of labels) {
    const r = row(l.rule);
    r.labels[l.label] = (r.labels[l.label] ?? 0) + 1;
    const found = matched.has(l);
    if (l.label === 'tp') {
      if (found) (r.tp++, lrow(l.rule).tp++);
      else (r.tpLost++, wrong.push({ kind: 'tp lost', set: s.set, ...l }));
    } else if (l.label === 'fp') {
      if (found) (r.fp++, lrow(l.rule).fp++, wrong.push({ kind: 'fp reported', set: s.set, ...l }));
      else r.fpGone++;
      const cls = String(l.reason ?? '').split(':')[0].trim() || '(none)';
      const k = `${l.rule}\u0000${cls}`;
      const c = fpClasses.get(k) ?? { rule: l.rule, class: cls, all: 0, reported: 0 };
      c.all++;
      if (found) c.reported++;
      fpClasses.set(k, c);
    } else if (l.label === 'fn' && found) r.fnFound++;
  }
  for (const [rule, v] of local) row(rule).strata.push({ set: s.set, ...v });
  perSet.push({ set: s.set, files, findings: findings.length, labels: labels.length, rules: Object.fromEntries(local) });
}

if (missing.size > 0) {
  console.error(`precision: ${missing.size} labelled file(s) are not in the corpus at ${CORPUS}; is it another version of the corpus?`);
  for (const f of [...missing].slice(0, 20)) console.error(`  ${f}`);
  process.exit(2);
}

const ratio = (a, b) => (b > 0 ? a / b : null);
const result = [...rows.values()]
  .map((r) => {
    // Weighted by set: each stratum's precision counts by its share of the rule's findings.
    let wSum = 0;
    let wp = 0;
    for (const st of r.strata) {
      const p = ratio(st.tp, st.tp + st.fp);
      if (p === null) continue;
      wSum += st.findings;
      wp += p * st.findings;
    }
    const shouldReport = r.labels.tp + r.labels.fn;
    const weightedPrecision = wSum > 0 ? wp / wSum : null;
    const tpEstimate = weightedPrecision === null ? null : weightedPrecision * r.findings;
    const fnMissed = r.labels.fn - r.fnFound;
    return {
      rule: r.rule,
      findings: r.findings,
      labels: r.labels,
      tp: r.tp,
      fp: r.fp,
      precision: ratio(r.tp, r.tp + r.fp),
      weightedPrecision,
      recall: ratio(r.tp + r.fnFound, shouldReport),
      recallEstimate: tpEstimate === null ? null : ratio(tpEstimate, tpEstimate + fnMissed),
      tpLost: r.tpLost,
      fpGone: r.fpGone,
      fnFound: r.fnFound,
      unlabelled: r.unlabelled,
    };
  })
  .sort((a, b) => b.labels.tp + b.labels.fp + b.labels.fn - (a.labels.tp + a.labels.fp + a.labels.fn) || a.rule.localeCompare(b.rule));

const totals = result.reduce(
  (t, r) => ({ tp: t.tp + r.labels.tp, fp: t.fp + r.labels.fp, fn: t.fn + r.labels.fn, findings: t.findings + r.findings }),
  { tp: 0, fp: 0, fn: 0, findings: 0 },
);
const classList = [...fpClasses.values()].sort((a, b) => b.all - a.all || a.rule.localeCompare(b.rule));

if (asJson) {
  console.log(JSON.stringify({ corpus: CORPUS, sets: perSet, rules: result, totals, fpClasses: classList }, null, 2));
  process.exit(0);
}

const pct = (x) => (x === null ? '   -' : x.toFixed(2));
const pad = (s, n) => String(s).padStart(n);
console.log(`precision: ${sets.length} sets, ${perSet.reduce((t, s) => t + s.files, 0)} files, ${totals.findings} findings; labels: ${totals.tp} tp, ${totals.fp} fp, ${totals.fn} fn`);
console.log('');
console.log(`${'rule'.padEnd(16)}${pad('findings', 9)}${pad('labels tp/fp/fn', 17)}${pad('tp', 5)}${pad('fp', 5)}${pad('precision', 10)}${pad('weighted', 9)}${pad('recall', 8)}${pad('est', 6)}${pad('tp lost', 8)}${pad('fp gone', 8)}${pad('fn found', 9)}${pad('unlabelled', 11)}`);
for (const r of result) {
  const lab = `${r.labels.tp}/${r.labels.fp}/${r.labels.fn}`;
  console.log(
    `${r.rule.padEnd(16)}${pad(r.findings, 9)}${pad(lab, 17)}${pad(r.tp, 5)}${pad(r.fp, 5)}${pad(pct(r.precision), 10)}${pad(pct(r.weightedPrecision), 9)}${pad(pct(r.recall), 8)}${pad(pct(r.recallEstimate), 6)}${pad(r.tpLost, 8)}${pad(r.fpGone, 8)}${pad(r.fnFound, 9)}${pad(r.unlabelled, 11)}`,
  );
}
if (bySet) {
  console.log('');
  for (const s of perSet) {
    const parts = Object.entries(s.rules).map(([rule, v]) => `${rule} ${v.tp}/${v.tp + v.fp} of ${v.findings}`);
    console.log(`${s.set}: ${s.files} files, ${s.findings} findings, ${s.labels} labels; tp/labelled of findings: ${parts.join(', ')}`);
  }
}
if (classes) {
  console.log('');
  console.log('false-positive classes (labelled fp, still reported / all):');
  for (const c of classList) console.log(`  ${c.rule.padEnd(16)}${c.class.padEnd(22)}${pad(c.reported, 4)} /${pad(c.all, 4)}`);
}
if (listWrong) {
  console.log('');
  console.log('labelled false positives still reported, and labelled true positives lost:');
  for (const w of wrong.sort((a, b) => a.rule.localeCompare(b.rule) || a.kind.localeCompare(b.kind))) {
    console.log(`  ${w.kind.padEnd(12)} ${w.rule.padEnd(16)}${w.file}:${w.line}:${w.column} ${JSON.stringify(w.text)} (${w.reason})`);
  }
}
console.log('');
console.log('precision = tp/(tp+fp) of labelled findings reported today; weighted = by each set\'s share of the rule\'s findings;');
console.log('recall = labelled true positives reported today / (tp + fn labels); est = estimated true positives / (that + fn labels missed).');
console.log('It measures, it does not gate: exit code 0.');
