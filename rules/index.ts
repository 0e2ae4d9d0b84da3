// The public API of the core, used by the CLI, the language server and the tests.
export * from './types.js';
export { lintText, lintDocument, ruleLevel, suppress, type LintResult, type LintOptions } from './lint.js';
export { applyFixes, applyEdits } from './fix.js';
export { fixText } from './fix-loop.js';
export { RULES, ruleById } from './checks/index.js';
export { formatOf, parseDocument, markdownOptions, COPY_EXTENSIONS, MARKDOWN_EXTENSIONS, EMAIL_EXTENSIONS, SOCIAL_EXTENSIONS } from './parse/index.js';
export { guideFor, isIgnored, channelFor, matchesGlobs } from './guide/overrides.js';
export { loadGuide, findGuide, readGuideText, GUIDE_NAMES } from './guide/load.js';
export { LineIndex } from './text/position.js';
