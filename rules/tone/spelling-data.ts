// American ↔ British spelling pairs, from the american-british-english-translator package (MIT;
// its spelling lists come from tysto.com's UK/US spelling list), inflected forms included
// (organise, organised, organises, organising). About 1,700 pairs each way.
//
// The lists also pair words that are not spelling variants, or whose "other" form is standard in
// the target variety too; those are left out here (see EXCLUDED) so the check never asks a writer
// to change a correct word.
import { lazyModule } from '../lazy-module.js';

// The lists are loaded and indexed on first use, one variety at a time: a guide checks one, and
// evaluating both lists (two objects of ~1,700 keys each) and indexing them cost ~10 ms at every start.
type Pairs = Record<string, string>;
const americanToBritish = lazyModule<Pairs>('american-british-english-translator/data/american_spellings.json', () =>
  require('american-british-english-translator/data/american_spellings.json'),
);
const britishToAmerican = lazyModule<Pairs>('american-british-english-translator/data/british_spellings.json', () =>
  require('american-british-english-translator/data/british_spellings.json'),
);

export type Variety = 'en-US' | 'en-GB';

/** Words not to flag when writing for the key's variety, with why. */
export const EXCLUDED: Readonly<Record<Variety, ReadonlySet<string>>> = {
  // American forms that British English also uses (or that the list pairs wrongly).
  'en-GB': new Set([
    // verbs "to license", nouns "practice", computer "program"/"disk"/"dialog", "tire" (to tire), "meter" (a device)
    ...['license', 'licensed', 'licenses', 'licensing', 'practice', 'practices', 'program', 'programs', 'disk', 'disks', 'videodisk', 'videodisks'],
    ...['dialog', 'dialogs', 'tire', 'tires', 'meter', 'meters', 'micrometer', 'micrometers', 'ton', 'tons', 'draft', 'drafts', 'drafty'],
    // not spelling variants: filter/philtre, connection/connexion, install/instal, griffin/gryphon, groin/groyne…
    ...['filter', 'filters', 'connection', 'connections', 'inflection', 'inflections', 'install', 'installs', 'tranquility'],
    ...['griffin', 'griffins', 'groin', 'groins', 'bevy', 'bevies', 'pummel', 'pummeled', 'snowplow', 'initialisations'],
    ...['gram', 'grams', 'kilogram', 'kilograms', 'milligram', 'milligrams', 'centigram', 'centigrams', 'judgment', 'biased', 'biasing'],
    ...['almanac', 'almanacs', 'banister', 'banisters', 'chimera', 'chimeras', 'edema', 'gluing', 'medieval', 'primeval', 'presidium'],
    ...['presidiums', 'pizzazz', 'gypsies', 'likable', 'sheik'],
  ]),
  // British forms that American English also uses (or that the list pairs wrongly).
  'en-US': new Set([
    ...['disc', 'discs', 'axe', 'tonne', 'tonnes', 'glamour', 'dialogue', 'dialogues', 'epilogue', 'epilogues', 'monologue', 'monologues'],
    ...['prologue', 'prologues', 'travelogue', 'travelogues', 'philtre', 'philtres', 'tranquilly', 'pummelled', 'pummelling'],
    ...['snowploughs', 'buses', 'busing', 'gases', 'minibuses', 'gryphon', 'gryphons', 'groyne', 'groynes', 'bingeing', 'likeable'],
    ...['judgement', 'initialisations', 'connexion', 'connexions', 'inflexion', 'inflexions', 'bevvy', 'bevvies'],
    // standard American too: noun plurals (two analyses), cancellation, gauge, aesthetic, archaeology
    ...['analyses', 'paralyses', 'catalyses', 'psychoanalyses', 'cancellation', 'cancellations', 'gauge', 'gauged', 'gauges', 'gauging'],
    ...['aesthete', 'aesthetes', 'aesthetic', 'aesthetics', 'aesthetically', 'archaeology', 'archaeological', 'archaeologically'],
    ...['archaeologist', 'archaeologists'],
  ]),
};

function table(pairs: Record<string, string>, exclude: ReadonlySet<string>): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const [from, to] of Object.entries(pairs)) {
    if (typeof to !== 'string' || from === to || exclude.has(from) || /\s/.test(from)) continue;
    m.set(from, to);
  }
  return m;
}

let toAmerican: ReadonlyMap<string, string> | undefined;
let toBritish: ReadonlyMap<string, string> | undefined;
/** For a target variety, the other variety's spellings → the target's (each made on first use). */
export const OTHER_SPELLINGS: Readonly<Record<Variety, ReadonlyMap<string, string>>> = {
  get 'en-US'() {
    return (toAmerican ??= table(britishToAmerican(), EXCLUDED['en-US']));
  },
  get 'en-GB'() {
    return (toBritish ??= table(americanToBritish(), EXCLUDED['en-GB']));
  },
};
