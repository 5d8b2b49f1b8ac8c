// The workflow templates as shipped (workflows/*.json) and the demo of each: how a newcomer triggers it,
// used by `npm start` (printed), `npm run demo -- <name>` and the template e2e tests (the same trigger).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nInstance, WorkflowJson } from '../harness';
import type { Sandbox } from '../../sandbox/server';
import type { Warehouse } from './warehouse';

/** workflows/ of the repository; REVOPS_WORKFLOWS_DIR points the stack at another folder (e.g. a test's copy). */
export const WORKFLOWS_DIR = process.env.REVOPS_WORKFLOWS_DIR
	? path.resolve(process.env.REVOPS_WORKFLOWS_DIR)
	: path.join(__dirname, '..', '..', 'workflows');

export interface TemplateFile {
	/** File name without `.json`, e.g. `01-clay-enrichment-to-hubspot`. */
	slug: string;
	workflow: WorkflowJson;
}

export function loadTemplates(): TemplateFile[] {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({
			slug: f.replace(/\.json$/, ''),
			workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, f), 'utf8')) as WorkflowJson,
		}));
}

/**
 * Whether the file `slug` is part of template `template`: a template is every file sharing its number (01's
 * intake is a workflow of its own, `01-clay-intake`, beside `01-clay-enrichment-to-hubspot`).
 */
export function inTemplate(slug: string, template: string): boolean {
	return slug.split('-')[0] === template.split('-')[0];
}

export interface DemoContext {
	sandbox: Sandbox;
	n8n: N8nInstance;
	warehouse: Warehouse;
}

export interface TemplateDemo {
	/** The template's file slug (workflows/<slug>.json). */
	slug: string;
	/** One line: what running the demo does. */
	title: string;
	/** What to type to trigger it (a curl line or `npm run demo -- <slug>`), shown by `npm start`. */
	howTo(ctx: DemoContext): string;
	/** Triggers the template once against the sandbox, as a user would; resolves when the request is answered. */
	run(ctx: DemoContext): Promise<unknown>;
}
