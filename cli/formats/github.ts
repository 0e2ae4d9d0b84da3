import type { Level } from '../../rules/index.js';
import type { Formatter } from './model.js';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// The runner decodes %25, %0D, %0A in the message, and also %3A, %2C in property values.

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export const github: Formatter = (report) => {
  let out = '';
  for (const file of report.files) {
    for (const f of file.findings) {
      const props = [
        `file=${escapeProperty(file.rel)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`brandlint ${f.rule}`)}`,
      ].join(',');
      const message = f.because && !f.message.includes(f.because) ? `${f.message}\n${f.because}` : f.message;
      out += `::${COMMAND[f.level]} ${props}::${escapeData(message)}\n`;
    }
  }
  return out;
};
