import { writeGoodRule } from '../../tone/write-good.js';

// Active sentences say who does what. write-good's "passive" check is the reference.
export const passiveVoice = writeGoodRule({
  id: 'passive-voice',
  check: 'passive',
  description: 'Flags verbs in the passive voice ("was killed"), which hide who acts.',
  message: (found) => `"${found}" may be passive voice. Say who acts.`,
  messages: { passive: '"{{found}}" may be passive voice. Say who acts.' },
});
