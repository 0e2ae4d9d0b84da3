// `npm test` runs every property from one fixed seed, so a run is reproducible and a red build is a
// real regression, whatever machine or CI runs it. `npm run fuzz` (BRANDLINT_FUZZ_RUNS set) explores
// new cases each run; FC_SEED or BRANDLINT_FUZZ_SEED pins a seed to replay a failure.
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? process.env.BRANDLINT_FUZZ_SEED ?? (process.env.BRANDLINT_FUZZ_RUNS ? undefined : '20261123');
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
