import { describe, expect, it } from 'vitest';
import { lintDocument } from '../rules/lint.js';
import { applyFixes } from '../rules/fix.js';
import { parsePlain } from '../rules/parse/plain.js';
import { makeGuide } from './helpers/guide.js';
import type { Guide } from '../rules/types.js';

function lint(text: string, guide: Guide) {
  return lintDocument(parsePlain(text), guide);
}
function fix(text: string, guide: Guide) {
  return applyFixes(text, lint(text, guide)).output;
}
const brief = (fs: ReturnType<typeof lint>) => fs.map((f) => [f.rule, f.text, f.suggestions]);

describe('banned', () => {
  const g = makeGuide({
    banned: [
      { phrases: ['utilize'], use: ['use'] },
      { phrases: ['synergy', 'leverage'], because: 'Jargon. Say what actually happens.' },
      { phrases: ['reach out'], use: ['contact'] },
      { phrases: ['in order to'], use: ['to'] },
      { pattern: '\\bcheap(er|est)?\\b', use: ['affordable', 'low-cost'], level: 'error' },
    ],
  });

  it('matches inflected forms and suggests the same form, keeping case', () => {
    expect(brief(lint('We utilized it. Utilizing helps. UTILIZES. utilize', g))).toEqual([
      ['banned', 'utilized', ['used']],
      ['banned', 'Utilizing', ['Using']],
      ['banned', 'UTILIZES', ['USES']],
      ['banned', 'utilize', ['use']],
    ]);
    expect(fix('We utilized it. Utilizing helps.', g)).toBe('We used it. Using helps.');
  });

  it('does not match an inflection that is also how a suggestion inflects', () => {
    const g2 = makeGuide({ banned: [{ phrases: ['programme'], use: ['program'] }] });
    expect(brief(lint('Programming a programme; programmes.', g2))).toEqual([
      ['banned', 'programme', ['program']],
      ['banned', 'programmes', ['programs']],
    ]);
  });

  it('matches across line breaks and runs of spaces, on word boundaries', () => {
    const fs = lint('Please reach\n   out today. In  order to win. Outreach is fine. reaching outward', g);
    expect(fs.map((f) => f.text)).toEqual(['reach\n   out', 'In  order to']);
    expect(fs[0]!.line).toBe(1);
    expect(fs[0]!.endLine).toBe(2);
    expect(fs[1]!.suggestions).toEqual(['To']);
  });

  it('does not match inside longer words', () => {
    expect(lint('Leveraged buyouts? leverageable utilizer synergyish', g).map((f) => f.text)).toEqual(['Leveraged']);
  });

  it('reports the reason, the level and patterns', () => {
    const fs = lint('Synergy and cheaper plans.', g);
    expect(fs[0]!.message).toBe('Avoid "Synergy". Jargon. Say what actually happens.');
    expect(fs[0]!.level).toBe('warning');
    expect(fs[1]).toMatchObject({ text: 'cheaper', level: 'error', suggestions: ['affordable', 'low-cost'] });
    expect(fs[1]!.fixes).toHaveLength(2);
  });

  it('never matches inside URLs, e-mail addresses, handles or paths written in prose', () => {
    expect(lint('See https://x.example/utilize or mail utilize@x.example, @utilize, ./utilize/x and docs/utilize/a.', g)).toEqual([]);
  });

  it('applies allow and keeps the longest of overlapping matches', () => {
    const g2 = makeGuide({ banned: [{ phrases: ['free'] }, { phrases: ['free trial'], use: ['trial'] }], allow: ['free trial'] });
    expect(lint('A free trial, free.', g2).map((f) => f.text)).toEqual(['free']);
    const g3 = makeGuide({ banned: [{ phrases: ['free'] }, { phrases: ['free trial'], use: ['trial'] }] });
    expect(lint('A free trial.', g3).map((f) => f.text)).toEqual(['free trial']);
  });

  it('allow covers findings inside an allowed phrase of any rule', () => {
    const g4 = makeGuide({ claims: [{ phrases: ['best'], needs: 'citation' }], allow: ['best practice'] });
    expect(lint('Our best practices. The best tool.', g4).map((f) => f.column)).toEqual([25]);
  });
});

describe('phrases and links', () => {
  it('never runs a phrase from a link text into what follows its destination', async () => {
    const { parseMarkdown } = await import('../rules/parse/markdown.js');
    const g = makeGuide({ banned: [{ phrases: ['refer to'], use: ['see'] }, { phrases: ['reach out'] }] });
    const doc = parseMarkdown('Please [refer](https://x.example) to this. Please refer to that. Please reach **out**.', 'a.md', { mdx: false });
    expect(lintDocument(doc, g).map((f) => f.text)).toEqual(['refer to', 'reach **out']);
  });
});

describe('term', () => {
  const g = makeGuide({
    terms: [
      { use: 'GitHub', not: ['Git Hub'] },
      { use: 'email', not: ['e-mail'] },
      { use: 'JavaScript' },
    ],
  });

  it('flags case variants and wrong forms with the canonical form', () => {
    expect(brief(lint('We love Github, GITHUB and Git Hub. Use GitHub.', g))).toEqual([
      ['term', 'Github', ['GitHub']],
      ['term', 'GITHUB', ['GitHub']],
      ['term', 'Git Hub', ['GitHub']],
    ]);
  });

  it('lets a lowercase term be capitalised in a Title Case title or subject', async () => {
    const { parseMarkdown } = await import('../rules/parse/markdown.js');
    const doc = parseMarkdown('---\ntitle: Better Email For Busy Teams\n---\n\n# Why Email Still Works\n\nWe love Email.\n', 'a.md', { mdx: false });
    expect(brief(lintDocument(doc, g))).toEqual([['term', 'Email', ['email']]]);
  });

  it('leaves case variants in hashtags alone', async () => {
    expect(brief(lint('Love #github and Git Hub too', g))).toEqual([['term', 'Git Hub', ['GitHub']]]);
    const { parseSocial } = await import('../rules/parse/social.js');
    const post = parseSocial('Ship it with #javascript and Javascript', 'launch.x.txt');
    expect(brief(lintDocument(post, g))).toEqual([['term', 'Javascript', ['JavaScript']]]);
  });

  it('lets a lowercase term open a sentence, and fixes wrong forms there capitalised', () => {
    expect(lint('Email is here. We send email.', g)).toEqual([]);
    expect(brief(lint('E-mail works. Send e-mails and an EMAIL.', g))).toEqual([
      ['term', 'E-mail', ['Email']],
      ['term', 'e-mails', ['emails']],
      ['term', 'EMAIL', ['email']],
    ]);
    expect(fix('E-mail works. Send e-mails and Javascript.', g)).toBe('Email works. Send emails and JavaScript.');
  });
});

describe('trademark', () => {
  const g = makeGuide({ terms: [{ use: 'Acme Cloud', trademark: '®' }] });
  it('requires the symbol on the first mention only', () => {
    expect(brief(lint('Acme Cloud is here. Acme Cloud again.', g))).toEqual([['trademark', 'Acme Cloud', ['Acme Cloud®']]]);
    expect(lint('Acme Cloud® is here. Acme Cloud again.', g)).toEqual([]);
    expect(fix('Try Acme Cloud now.', g)).toBe('Try Acme Cloud® now.');
  });
});

describe('claim', () => {
  const g = makeGuide({
    claims: [
      { phrases: ['best', '#1', 'number one'], needs: 'citation' },
      { phrases: ['guaranteed', 'risk-free'], needs: 'disclaimer', disclaimer: 'Terms apply' },
      { phrases: ['clinically proven'], level: 'error' },
    ],
  });
  it('needs a citation in the same sentence', () => {
    expect(lint('The best tool. The #1 app*. Number one [1].', g).map((f) => f.text)).toEqual(['best']);
    expect(lint('We are #1 in sales.', g).map((f) => f.text)).toEqual(['#1']);
  });
  it('needs the disclaimer somewhere in the document', () => {
    expect(lint('Results guaranteed.', g).map((f) => f.text)).toEqual(['guaranteed']);
    expect(lint('Results guaranteed.\n\nTerms  apply.', g)).toEqual([]);
  });
  it('flags claims the brand never makes', () => {
    expect(lint('Clinically proven formula.', g)).toMatchObject([{ rule: 'claim', level: 'error', text: 'Clinically proven' }]);
  });
});

describe('suppression', () => {
  it('honours disable, enable and disable-next-line', async () => {
    const { parseDirective } = await import('../rules/parse/directives.js');
    const g = makeGuide({ banned: [{ phrases: ['utilize'], use: ['use'] }] });
    const text = 'utilize a\n# x\nutilize b\nutilize c\nutilize d';
    const doc = parsePlain(text);
    const at = (s: string) => text.indexOf(s);
    doc.directives = [
      parseDirective('brandlint-disable-next-line banned -- legal wording', at('# x'), at('# x') + 3)!,
      parseDirective('brandlint-disable', at('utilize c') - 1, at('utilize c') - 1)!,
      parseDirective('brandlint-enable', at('utilize d') - 1, at('utilize d') - 1)!,
    ];
    expect(lintDocument(doc, g).map((f) => f.line)).toEqual([1, 5]);
  });
});
