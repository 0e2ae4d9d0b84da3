import pc from 'picocolors';
import type { Level } from '../../rules/index.js';
import { formatter, unambiguousFix, type PerFile } from './model.js';

const MESSAGE_COLUMN = 80;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint's stylish layout: findings grouped under each file, aligned columns, a summary line. */
export const stylishPerFile: PerFile = {
  file: (file, opts) => {
    if (file.findings.length === 0) return '';
    const c = pc.createColors(opts.color);
    const levelColor: Record<Level, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
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
    let out = `\n${c.underline(file.rel)}\n`;
    for (const r of rows) {
      out += `  ${c.dim(r.pos.padEnd(posW))}  ${levelColor[r.level](r.level.padEnd(levelW))}  ${r.message.padEnd(msgW)}  ${c.dim(r.rule)}\n`;
      if (r.because) out += `  ${' '.repeat(posW + levelW + 4)}${c.dim(r.because)}\n`;
    }
    return out;
  },
  join: (report, parts, opts) => {
    const c = pc.createColors(opts.color);
    let out = parts.join('');
    const total = report.errorCount + report.warningCount + report.infoCount + report.hintCount;
    if (total > 0) {
      const counts = [plural(report.errorCount, 'error'), plural(report.warningCount, 'warning')];
      if (report.infoCount) counts.push(`${report.infoCount} info`);
      if (report.hintCount) counts.push(plural(report.hintCount, 'hint'));
      const mark = report.errorCount ? c.red('✖') : c.yellow('⚠');
      out += `\n${mark} ${c.bold(`${plural(total, 'problem')} (${counts.join(', ')})`)}\n`;
      const fixable = report.fixableErrorCount + report.fixableWarningCount;
      if (fixable > 0 && !opts.fix) {
        out += `  ${plural(report.fixableErrorCount, 'error')} and ${plural(report.fixableWarningCount, 'warning')} potentially fixable with the \`--fix\` option.\n`;
      }
    }
    if (report.fixedCount > 0) out += `${c.green('✔')} fixed ${plural(report.fixedCount, 'problem')}\n`;
    if (total === 0 && report.fixedCount === 0) return '';
    return out.startsWith('\n') ? out.slice(1) : out;
  },
};

export const stylish = formatter(stylishPerFile);
