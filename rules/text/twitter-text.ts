// twitter-text, loaded on first use: only X's weighted length and bare domains in social and HTML
// copy need it, and initialising it (with its core-js polyfills and its large regexes) cost ~20–40 ms
// of every thread's start. In the server bundle it is a file of its own (LAZY_PACKAGES).
import { lazyModule } from '../lazy-module.js';

export const twitterText = lazyModule<typeof import('twitter-text')>('twitter-text', () => require('twitter-text'));
