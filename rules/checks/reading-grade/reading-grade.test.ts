import { describe, expect, it } from 'vitest';
import { findingsOf, ruleTester } from '../../../test/helpers/rule-tester.js';

const max = (n: number) => `tone:\n  reading-grade: { level: warning, max: ${n} }\n`;
const plainSection = 'We make tools. You use them. They help you work. It is fast and it is fun. '.repeat(3).trim();
const hardSection =
  'Organizational transformation necessitates comprehensive institutional reconfiguration, notwithstanding considerable implementation difficulties. ' +
  'Sophisticated interdisciplinary methodologies facilitate unprecedented operational optimization across heterogeneous international environments. ' +
  'Consequently, multidimensional evaluation frameworks substantially enhance organizational accountability. ' +
  'Nevertheless, institutionalized bureaucratic considerations occasionally impede transformational initiatives.';

ruleTester('reading-grade', {
  guide: max(9),
  valid: [
    { name: 'a plain section', code: `# Hi\n\n${plainSection}` },
    { name: 'a short section says little', code: 'Organizational transformation necessitates institutional reconfiguration.' },
    { name: 'a target above the grade', guide: max(60), code: hardSection },
  ],
  invalid: [
    {
      name: 'without a heading, the finding sits on the first line of the section; no fix',
      code: `${hardSection.slice(0, 60)}\n${hardSection.slice(61)}`,
      errors: [{ text: hardSection.slice(0, 60), line: 1, column: 1, fixes: [] }],
      output: null,
    },
    {
      name: 'each post of a social thread is graded on its own',
      file: 'thread.txt',
      code: `${plainSection}\n---\n${hardSection}\n`,
      errors: [{ text: hardSection, line: 3, column: 1 }],
    },
  ],
});

describe('reading-grade: the message', () => {
  it('sits on the heading of a hard section, naming the grade, the target, the words and the sentences', () => {
    const code = `# Easy part\n\n${plainSection}\n\n## Our approach to change\n\n${hardSection}\n`;
    const f = findingsOf('reading-grade', { code }, max(9));
    expect(f.map((x) => x.text)).toEqual(['Our approach to change']);
    const m = /^Reading grade (\d+\.\d) \(Flesch–Kincaid\) in this section is above the target of 9: (\d+) words in 4 sentences\./.exec(f[0]!.message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(20);
    expect(Number(m![2])).toBe(hardSection.split(/\s+/).length);
  });
});
