// The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts, no network.
// Pure: ReportData in, a string out.
import { BAND_LABEL, BAND_NAME, CATEGORIES, WORDS_PER_UNIT, type Band, type ScoreCategory } from './score.js';
import type { GroupSummary, ReportData } from './model.js';

const CATEGORY_LABEL: Record<ScoreCategory, string> = {
  terms: 'Terms & names',
  banned: 'Banned words',
  claims: 'Claims',
  tone: 'Tone',
  channel: 'Channel limits',
};

const BAND_COLOR: Record<Band, string> = { good: '#1a7f37', fair: '#b7791f', poor: '#c62828' };
const BAND_TINT: Record<Band, string> = { good: '#e6f4ea', fair: '#fdf3e1', poor: '#fdecea' };

/** Rows shown in the long tables; the JSON report has everything. */
const MAX_DOCUMENT_ROWS = 300;

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function bandOf(score: number): Band {
  return score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

const fmt = (n: number) => n.toLocaleString('en-US');
const fmtScore = (n: number) => (Math.round(n * 10) / 10).toFixed(Number.isInteger(Math.round(n * 10) / 10) ? 0 : 1);

function pill(score: number): string {
  const b = bandOf(score);
  return `<span class="pill ${b}" title="${esc(BAND_NAME[b])} (${esc(BAND_LABEL[b])})">${fmtScore(score)}</span>`;
}

/** A ring gauge: the score as a share of the circle, in its band's colour. */
function gauge(score: number): string {
  const b = bandOf(score);
  const r = 52;
  const c = 2 * Math.PI * r;
  const dash = (Math.max(0, Math.min(100, score)) / 100) * c;
  return `<svg class="gauge" viewBox="0 0 140 140" role="img" aria-label="Brand score ${fmtScore(score)} of 100">
  <circle cx="70" cy="70" r="${r}" fill="none" stroke="#e8eaed" stroke-width="14"/>
  <circle cx="70" cy="70" r="${r}" fill="none" stroke="${BAND_COLOR[b]}" stroke-width="14" stroke-linecap="round"
    stroke-dasharray="${dash.toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>
  <text x="70" y="72" text-anchor="middle" class="gauge-score" fill="#1f2328">${fmtScore(score)}</text>
  <text x="70" y="92" text-anchor="middle" class="gauge-label" fill="${BAND_COLOR[b]}">${esc(BAND_NAME[b])}</text>
</svg>`;
}

/** Horizontal bars, one per row, scaled to `max` (100 for scores). */
function barChart(rows: Array<{ label: string; value: number; color: string; note?: string }>, max: number, valueText: (v: number) => string, label: string): string {
  const rowH = 30;
  const labelW = 150;
  const barW = 330;
  const h = rows.length * rowH + 6;
  const body = rows
    .map((r, i) => {
      const y = i * rowH + 4;
      const w = max > 0 ? Math.max(r.value > 0 ? 2 : 0, (r.value / max) * barW) : 0;
      return `<g transform="translate(0 ${y})">
    <text x="${labelW - 10}" y="16" text-anchor="end" class="bar-label">${esc(r.label)}</text>
    <rect x="${labelW}" y="3" width="${barW}" height="18" rx="4" fill="#f1f3f5"/>
    <rect x="${labelW}" y="3" width="${w.toFixed(1)}" height="18" rx="4" fill="${r.color}"/>
    <text x="${labelW + barW + 8}" y="16" class="bar-value">${esc(valueText(r.value))}${r.note ? `<tspan class="bar-note"> ${esc(r.note)}</tspan>` : ''}</text>
  </g>`;
    })
    .join('\n');
  return `<svg class="chart" viewBox="0 0 ${labelW + barW + 150} ${h}" role="img" aria-label="${esc(label)}">\n${body}\n</svg>`;
}

/** The score over time, with the bands shaded behind the line. */
function trendChart(points: ReportData['trend']): string {
  const W = 1040;
  const H = 250;
  const L = 40;
  const R = 70;
  const T = 16;
  const B = 44;
  const iw = W - L - R;
  const ih = H - T - B;
  const y = (s: number) => T + ih - (Math.max(0, Math.min(100, s)) / 100) * ih;
  const x = (i: number) => L + 30 + (points.length === 1 ? (iw - 30) / 2 : (i / (points.length - 1)) * (iw - 30));
  const zone = (from: number, to: number, color: string) => `<rect x="${L}" y="${y(to).toFixed(1)}" width="${iw}" height="${(y(from) - y(to)).toFixed(1)}" fill="${color}"/>`;
  const grid = [0, 20, 40, 60, 80, 100]
    .map((g) => `<line x1="${L}" x2="${W - R}" y1="${y(g)}" y2="${y(g)}" stroke="#d0d7de" stroke-width="0.6"/><text x="${L - 8}" y="${y(g) + 4}" text-anchor="end" class="axis">${g}</text>`)
    .join('');
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ');
  const dots = points
    .map((p, i) => {
      const date = p.generatedAt.slice(0, 10);
      return `<g><circle cx="${x(i).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="5" fill="${BAND_COLOR[bandOf(p.score)]}" stroke="#fff" stroke-width="2"><title>${esc(`${p.label}: ${fmtScore(p.score)} (${date}, ${p.findings} findings)`)}</title></circle>
  <text x="${x(i).toFixed(1)}" y="${(y(p.score) - 11).toFixed(1)}" text-anchor="middle" class="trend-value">${fmtScore(p.score)}</text>
  <text x="${x(i).toFixed(1)}" y="${H - B + 18}" text-anchor="middle" class="axis">${esc(date)}</text>
  <text x="${x(i).toFixed(1)}" y="${H - B + 32}" text-anchor="middle" class="axis muted">${esc(p.label.length > 22 ? p.label.slice(0, 21) + '…' : p.label)}</text></g>`;
    })
    .join('\n');
  return `<svg class="chart trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="Brand score over time">
${zone(80, 100, '#eef7f0')}${zone(60, 80, '#fdf7ec')}${zone(0, 60, '#fdf1f0')}
${grid}
<path d="${path}" fill="none" stroke="#0b57d0" stroke-width="2.5" stroke-linejoin="round"/>
${dots}
</svg>`;
}

function groupTable(rows: GroupSummary[], what: string): string {
  if (rows.length === 0) return '<p class="muted">Nothing to show.</p>';
  const maxF = Math.max(1, ...rows.map((r) => r.findings));
  return `<table><thead><tr><th>${esc(what)}</th><th class="num">Score</th><th class="num">Documents</th><th class="num">Words</th><th>Findings</th></tr></thead><tbody>
${rows
  .map(
    (r) => `<tr><td class="path">${esc(r.name === '.' && what === 'Folder' ? '(top level)' : r.name)}</td><td class="num">${pill(r.score)}</td><td class="num">${fmt(r.documents)}</td><td class="num">${fmt(r.words)}</td>
<td class="nowrap"><svg class="spark" viewBox="0 0 120 12" aria-hidden="true"><rect width="120" height="12" rx="3" fill="#f1f3f5"/><rect width="${((r.findings / maxF) * 120).toFixed(1)}" height="12" rx="3" fill="#8c959f"/></svg> ${fmt(r.findings)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f8fa; color: #1f2328; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
header h1 { margin: 0; font-size: 26px; letter-spacing: -0.01em; }
header p { margin: 4px 0 0; color: #59636e; }
section { background: #fff; border: 1px solid #d8dee4; border-radius: 12px; padding: 20px 22px; margin-top: 18px; }
section h2 { margin: 0 0 12px; font-size: 17px; }
section h2 small { font-weight: 400; color: #59636e; font-size: 13px; margin-left: 6px; }
.hero { display: grid; grid-template-columns: 180px 1fr 220px; gap: 24px; align-items: center; }
.gauge { width: 170px; height: 170px; }
.gauge-score { font-size: 30px; font-weight: 700; }
.gauge-label { font-size: 9.5px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; }
.kpis { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.kpi { background: #f6f8fa; border-radius: 10px; padding: 10px 12px; }
.kpi b { display: block; font-size: 22px; line-height: 1.2; }
.kpi span { color: #59636e; font-size: 12px; }
.kpi.error b { color: #c62828; } .kpi.warning b { color: #b7791f; }
.chart { width: 100%; height: auto; display: block; }
.bar-label { font-size: 13px; fill: #1f2328; }
.bar-value { font-size: 13px; font-weight: 600; fill: #1f2328; }
.bar-note { font-weight: 400; fill: #59636e; }
.axis { font-size: 11px; fill: #59636e; }
.axis.muted { fill: #8c959f; }
.trend-value { font-size: 11px; font-weight: 600; fill: #1f2328; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.grid2 section { margin-top: 0; }
.row { margin-top: 18px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid #eaeef2; vertical-align: middle; }
th { font-size: 12px; color: #59636e; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
.pill { display: inline-block; min-width: 42px; text-align: center; padding: 1px 8px; border-radius: 999px; font-weight: 700; font-size: 12.5px; font-variant-numeric: tabular-nums; }
.pill.good { background: ${BAND_TINT.good}; color: ${BAND_COLOR.good}; }
.pill.fair { background: ${BAND_TINT.fair}; color: ${BAND_COLOR.fair}; }
.pill.poor { background: ${BAND_TINT.poor}; color: ${BAND_COLOR.poor}; }
.cell { text-align: right; font-variant-numeric: tabular-nums; font-size: 12.5px; }
.cell.good { color: #59636e; } .cell.fair { color: ${BAND_COLOR.fair}; font-weight: 600; } .cell.poor { color: ${BAND_COLOR.poor}; font-weight: 700; }
.phrase { font-weight: 600; }
.chip { display: inline-block; background: #e7f0fe; color: #0b57d0; border-radius: 6px; padding: 0 7px; margin: 1px 3px 1px 0; font-size: 12.5px; }
.rule { white-space: nowrap; display: inline-block; background: #f1f3f5; border-radius: 6px; padding: 0 6px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.nowrap { white-space: nowrap; }
.spark { width: 90px; height: 12px; vertical-align: middle; margin-right: 6px; }
.muted { color: #59636e; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12.5px; color: #59636e; margin-top: 10px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; }
footer { margin-top: 22px; color: #59636e; font-size: 12.5px; }
@media (max-width: 860px) { .hero, .grid2 { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } section { break-inside: avoid; } }
`;

// The page's generator tag, near the top of every page renderReportHtml writes.
const REPORT_MARK = /<meta name="generator" content="brandlint /;

/** Is this text a brandlint report page? Linting one would report the copy it quotes. */
export function isReportPage(text: string): boolean {
  return REPORT_MARK.test(text.slice(0, 600));
}

export function renderReportHtml(r: ReportData): string {
  const s = r.summary;
  const title = `${r.brand ? `${r.brand} ` : ''}brand report`;
  const date = r.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC';
  const categoryRows = CATEGORIES.map((c) => ({
    label: CATEGORY_LABEL[c],
    value: s.categories[c],
    color: BAND_COLOR[bandOf(s.categories[c])],
    note: `· ${fmt(s.issues[c])} issue${s.issues[c] === 1 ? '' : 's'}`,
  }));
  const ruleRows = r.byRule.slice(0, 14).map((x) => ({ label: x.rule, value: x.findings, color: '#0b57d0', note: `· ${x.documents} doc${x.documents === 1 ? '' : 's'}` }));
  const maxRule = Math.max(1, ...r.byRule.map((x) => x.findings));
  const docs = [...r.documents].sort((a, b) => a.score - b.score || b.words - a.words || (a.path < b.path ? -1 : 1));

  const trend =
    r.trend.length >= 2
      ? `<section id="trend"><h2>Trend <small>brand score of ${r.trend.length} runs</small></h2>${trendChart(r.trend)}</section>`
      : '';

  const phrases =
    r.topPhrases.length === 0
      ? '<p class="muted">No recurring phrases: nothing the guide flags by name.</p>'
      : `<table><thead><tr><th>Phrase</th><th>Rule</th><th class="num">Times</th><th class="num">Docs</th><th>Write instead</th><th>First seen</th></tr></thead><tbody>
${r.topPhrases
  .map(
    (p) => `<tr><td class="phrase" title="${esc(p.message)}">${esc(p.phrase)}</td><td><span class="rule">${esc(p.rule)}</span></td><td class="num">${fmt(p.count)}</td><td class="num">${fmt(p.documents)}</td>
<td>${p.suggestions.length ? p.suggestions.map((x) => `<span class="chip">${esc(x)}</span>`).join('') : `<span class="muted">${esc(shortAdvice(p.message))}</span>`}</td><td class="path">${esc(`${p.first.path}:${p.first.line}:${p.first.column}`)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;

  const docRows = docs
    .slice(0, MAX_DOCUMENT_ROWS)
    .map((d) => {
      const cells = CATEGORIES.map((c) => `<td class="cell ${bandOf(d.categories[c])}" title="${esc(`${CATEGORY_LABEL[c]}: ${d.issues[c]} issues`)}">${fmtScore(d.categories[c])}</td>`).join('');
      const n = d.levels.error + d.levels.warning + d.levels.info + d.levels.hint;
      return `<tr><td class="path">${esc(d.path)}</td><td>${esc(d.channel)}</td><td class="num">${fmt(d.words)}</td><td class="num">${pill(d.score)}</td>${cells}<td class="num">${fmt(n)}</td></tr>`;
    })
    .join('\n');
  const more = docs.length > MAX_DOCUMENT_ROWS ? `<p class="muted">${fmt(docs.length - MAX_DOCUMENT_ROWS)} more documents in the JSON report (--json).</p>` : '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brandlint ${esc(r.tool.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
  <h1>${esc(title)}</h1>
  <p>${fmt(s.documents)} document${s.documents === 1 ? '' : 's'} · ${fmt(s.words)} words · ${esc(date)} · brandlint ${esc(r.tool.version)}</p>
</header>

<section class="hero" id="score">
  <div>${gauge(s.score)}</div>
  <div>
    <h2>Brand score by category</h2>
    ${barChart(categoryRows, 100, fmtScore, 'Score per category')}
    <div class="legend"><span><i style="background:${BAND_COLOR.good}"></i>80–100 on brand</span><span><i style="background:${BAND_COLOR.fair}"></i>60–79 needs work</span><span><i style="background:${BAND_COLOR.poor}"></i>below 60 off brand</span></div>
  </div>
  <div class="kpis">
    <div class="kpi"><b>${fmt(s.findings)}</b><span>findings</span></div>
    <div class="kpi error"><b>${fmt(s.levels.error)}</b><span>errors</span></div>
    <div class="kpi warning"><b>${fmt(s.levels.warning)}</b><span>warnings</span></div>
    <div class="kpi"><b>${fmt(s.levels.info + s.levels.hint)}</b><span>info &amp; hints</span></div>
  </div>
</section>
${trend}
<div class="grid2 row">
<section id="by-rule"><h2>Findings by rule <small>${fmt(r.byRule.length)} rules</small></h2>
${ruleRows.length ? barChart(ruleRows, maxRule, fmt, 'Findings by rule') : '<p class="muted">No findings.</p>'}
</section>
<section id="by-channel"><h2>By channel</h2>
${groupTable(r.byChannel, 'Channel')}
</section>
</div>

<section id="phrases"><h2>Most frequent offending phrases <small>with what to write instead</small></h2>
${phrases}
</section>

<section id="by-folder"><h2>By folder <small>worst first</small></h2>
${groupTable(r.byFolder, 'Folder')}
</section>

<section id="documents"><h2>Documents <small>worst first</small></h2>
<table><thead><tr><th>Document</th><th>Channel</th><th class="num">Words</th><th class="num">Score</th>${CATEGORIES.map((c) => `<th class="num">${esc(CATEGORY_LABEL[c].split(' ')[0]!)}</th>`).join('')}<th class="num">Findings</th></tr></thead>
<tbody>
${docRows}
</tbody></table>
${more}
</section>

<footer>
  How the score works: for each category, N / (N + issues) with N = words / ${WORDS_PER_UNIT}; the five categories are averaged and shown out of 100
  (the method of Markup AI and Writer). Errors, warnings and info count as issues; hints do not. The overall score applies the same formula to all documents together.
</footer>
</main>
</body>
</html>
`;
}

/** The guide's advice without the quoted phrase, for phrases with no replacement. */
function shortAdvice(message: string): string {
  const first = message.split(/(?<=\.)\s/)[0] ?? message;
  return first.length > 90 ? first.slice(0, 89) + '…' : first;
}
