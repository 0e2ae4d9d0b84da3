import pc from 'picocolors';
import type { Level } from '../../rules/index.js';
import { unambiguousFix, type Formatter } from './model.js';

const MESSAGE_COLUMN = 80;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint's stylish layout: findings grouped under each file, aligned columns, a summary line. */
export const stylish: Formatter = (report, opts) => {
  const c = pc.createColors(opts.color);
  const levelColor: Record<Level, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  let out = '';
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      level: f.level,
      message: f.message.replace(/\s*\n\s*/g, ' '),
      rule: f.rule,
      because: f.because && !f.message.includes(f.because) ? f.because.replace(/\s*\n\s*/g, ' ') : undefined,
      fixable: Boolean(unambiguousFix(f)),
    }));
    const posW = Math.max(...rows.map((r) => r.pos.length));
    const levelW = Math.max(...rows.map((r) => r.level.length));
    // The rule column lines up for messages up to MESSAGE_COLUMN wide; a longer message (a guide's
    // long reason) is followed by two spaces and the rule rather than padding every row to its width.
    const msgW = Math.max(0, ...rows.map((r) => r.message.length).filter((n) => n <= MESSAGE_COLUMN));
    out += `\n${c.underline(file.rel)}\n`;
    for (const r of rows) {
      out += `  ${c.dim(r.pos.padEnd(posW))}  ${levelColor[r.level](r.level.padEnd(levelW))}  ${r.message.padEnd(msgW)}  ${c.dim(r.rule)}\n`;
      if (r.because) out += `  ${' '.repeat(posW + levelW + 4)}${c.dim(r.because)}\n`;
    }
  }
  const total = report.errorCount + report.warningCount + report.infoCount + report.hintCount;
  if (total > 0) {
    const parts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning')];
    if (report.infoCount) parts.push(`${report.infoCount} info`);
    if (report.hintCount) parts.push(plural(report.hintCount, 'hint'));
    const mark = report.errorCount ? c.red('✖') : c.yellow('⚠');
    out += `\n${mark} ${c.bold(`${plural(total, 'problem')} (${parts.join(', ')})`)}\n`;
    const fixable = report.fixableErrorCount + report.fixableWarningCount;
    if (fixable > 0 && !opts.fix) {
      out += `  ${plural(report.fixableErrorCount, 'error')} and ${plural(report.fixableWarningCount, 'warning')} potentially fixable with the \`--fix\` option.\n`;
    }
  }
  if (report.fixedCount > 0) out += `${c.green('✔')} fixed ${plural(report.fixedCount, 'problem')}\n`;
  if (total === 0 && report.fixedCount === 0) return '';
  return out.startsWith('\n') ? out.slice(1) : out;
};
