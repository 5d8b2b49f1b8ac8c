export { startN8n } from './n8n';
export type {
	N8nInstance,
	N8nMode,
	N8nProcess,
	StartOptions,
	WorkflowJson,
	CredentialSpec,
} from './n8n';
export { ensureN8n, packPackage, REPO_ROOT } from './install';
export type { N8nLine } from './install';
export { killRecorded } from './processes';
