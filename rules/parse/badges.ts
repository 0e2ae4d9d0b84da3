// Status badges: the row of small images at the top of a README ("npm version", "build passing",
// "Best of JS") are generated labels, not copy. Their alt text names a service as the badge maker
// spells it ("NPM Version", "Github"), so no brand rule reads it.

// Hosts that serve badges (shields and its clones, CI and coverage services, package-size and
// security scorers).
const BADGE_HOST =
  /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:shields\.io|badgen\.net|badge\.fury\.io|travis-ci\.(?:org|com)|appveyor\.com|codecov\.io|coveralls\.io|circleci\.com|codacy\.com|codeclimate\.com|david-dm\.org|packagephobia\.(?:com|now\.sh)|badgesize\.io|nodei\.co|deepscan\.io|snyk\.io|bestpractices\.dev|securityscorecards\.dev|bundlephobia\.com|pkg-size\.dev|sonarcloud\.io|gitter\.im|herokuapp\.com\/badge)(?:[/:?#]|$)/i;
// A badge served from anywhere else names itself in its path (GitHub Actions' `…/badge.svg`,
// `/badges/…`, `build-badge.svg`).
const BADGE_PATH = /(?:^|[/_.=-])badges?(?:[/_.?=-]|$)/i;

/** Is an image at this address a status badge? */
export function isBadgeUrl(url: string): boolean {
  const u = url.trim().replace(/^<([^]*)>$/, '$1'); // a destination may be written in angle brackets
  if (!u) return false;
  if (BADGE_HOST.test(u)) return true;
  const path = u.replace(/^(?:https?:)?\/\/[^/]+/i, '');
  return BADGE_PATH.test(path);
}
