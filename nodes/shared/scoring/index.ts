export * from './types';
export { scoreRecord, tierFor } from './score';
export { configProblems, DEFAULT_TIERS } from './config';
export { normalize, toNumber } from './normalize';
