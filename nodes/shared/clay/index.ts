export { buildRowSchema, checkRow, fieldDeclarationProblems, FIELD_TYPES } from './rowSchema';
export type { FieldProblem, FieldType, RowCheck, RowField } from './rowSchema';
export { ENRICHMENT_KEY, flattenEnrichment } from './flatten';
export {
	CLAY_SOURCE_CAP,
	DEFAULT_WARN_SHARE,
	planSubmissions,
	type CapPlan,
	type CapUsage,
} from './submissionCap';
export { rowPacing, type RowPacing } from './pacing';
