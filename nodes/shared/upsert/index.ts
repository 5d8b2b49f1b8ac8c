export { chunk, groupRowsByKey, type GroupedRows, type KeyOutcome } from './groupRows';
export { isBlank, mergeRows, toPropertyValue } from './propertyValues';
export { companyKey, emailKey, uniqueValueKey } from './recordKeys';
export {
	changedAtFromHistory,
	planWrite,
	type ExistingValues,
	type SkipReason,
	type UpdatePolicy,
	type WritePlan,
	type WritePlanOptions,
} from './updatePolicy';
