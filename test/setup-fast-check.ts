// In CI every property runs from one fixed seed, so a run is reproducible and a red build is a real
// regression; on a developer's machine each run explores new cases (FC_SEED pins one to replay).
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261123' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
