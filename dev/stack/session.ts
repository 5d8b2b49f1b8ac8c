// The running demo stack as other processes see it: `npm start` writes a small state file (URLs, workflow
// ids, the warehouse's address — no secret but the sandbox's fixed demo values), and `npm run demo -- <slug>`
// reads it, signs in to that n8n as the owner and runs the template's demo against it. Also loads the demos
// (dev/demos/<slug>.ts) for both.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { N8nInstance, N8nLine } from '../harness';
import { callJson, logIn } from '../harness/rest';
import { ensureServices } from '../services';
import type { Sandbox } from '../../sandbox/server';
import type { Stack } from './stack';
import { loadTemplates, type DemoContext, type TemplateDemo } from './templates';
import type { Warehouse } from './warehouse';

/** REVOPS_DEMO_STATE, else `<tmp>/revops-demo.json`. */
export const STATE_FILE =
	process.env.REVOPS_DEMO_STATE ?? path.join(os.tmpdir(), 'revops-demo.json');

export interface DemoState {
	/** The `npm start` process. */
	pid: number;
	startedAt: string;
	n8n: {
		url: string;
		/** Production webhooks: `<webhookBase>/webhook/<path>`. */
		webhookBase: string;
		line: N8nLine;
		version: string;
		userFolder: string;
		workflowIds: Record<string, string>;
	};
	sandbox: Pick<Sandbox, 'url' | 'port' | 'hubspotUrl' | 'slackUrl' | 'clayUrl' | 'adminUrl'>;
	warehouse: Pick<Warehouse, 'host' | 'port' | 'database' | 'user' | 'password'>;
	templates: Array<{ slug: string; name: string; id?: string }>;
}

export function stackState(stack: Stack): DemoState {
	const { n8n, sandbox, warehouse } = stack;
	return {
		pid: process.pid,
		startedAt: new Date().toISOString(),
		n8n: {
			url: n8n.url,
			webhookBase: n8n.webhookUrl('').replace(/\/webhook\/$/, ''),
			line: n8n.line,
			version: n8n.version,
			userFolder: n8n.userFolder,
			workflowIds: n8n.workflowIds,
		},
		sandbox: {
			url: sandbox.url,
			port: sandbox.port,
			hubspotUrl: sandbox.hubspotUrl,
			slackUrl: sandbox.slackUrl,
			clayUrl: sandbox.clayUrl,
			adminUrl: sandbox.adminUrl,
		},
		warehouse: {
			host: warehouse.host,
			port: warehouse.port,
			database: warehouse.database,
			user: warehouse.user,
			password: warehouse.password,
		},
		templates: loadTemplates().map((t) => ({
			slug: t.slug,
			name: t.workflow.name,
			id: n8n.workflowIds[t.workflow.name],
		})),
	};
}

export function writeState(state: DemoState): void {
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file if it is this process's (another `npm start` may have replaced it). */
export function removeState(): void {
	try {
		const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as DemoState;
		if (state.pid === process.pid) fs.rmSync(STATE_FILE, { force: true });
	} catch {
		// none, or not readable: nothing of ours
	}
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/** The running stack's state; throws a message saying to run `npm start` when there is none. */
export async function readState(): Promise<DemoState> {
	const hint =
		'Start the demo stack first with `npm start` (in another terminal), then run this again.';
	if (!fs.existsSync(STATE_FILE))
		throw new Error(`No running demo stack (${STATE_FILE} is missing). ${hint}`);
	const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as DemoState;
	const reachable = await fetch(`${state.n8n.url}/healthz/readiness`).then(
		(r) => r.ok,
		() => false,
	);
	if (!alive(state.pid) || !reachable) {
		throw new Error(
			`The demo stack recorded in ${STATE_FILE} (pid ${state.pid}, n8n ${state.n8n.url}) is not running. ${hint}`,
		);
	}
	return state;
}

/** A DemoContext for the stack of `state`, from another process: the owner signs in (a fresh API key). */
export async function remoteContext(state: DemoState): Promise<DemoContext> {
	const { url, webhookBase } = state.n8n;
	const { cookie, apiKey } = await logIn(url);
	const n8n = {
		mode: 'single',
		url,
		port: Number(new URL(url).port),
		pid: state.pid,
		line: state.n8n.line,
		version: state.n8n.version,
		userFolder: state.n8n.userFolder,
		apiKey,
		cookie,
		workflowIds: state.n8n.workflowIds,
		credentialIds: {},
		webhookUrl: (webhookPath: string) => `${webhookBase}/webhook/${webhookPath.replace(/^\//, '')}`,
		processes: [],
		workers: [],
		services: [],
		api: async <T>(method: string, apiPath: string, body?: unknown) =>
			(
				await callJson<T>(`${url}/api/v1${apiPath}`, {
					method,
					body,
					headers: { 'X-N8N-API-KEY': apiKey },
				})
			).data,
		rest: async <T>(method: string, restPath: string, body?: unknown) =>
			(await callJson<T>(`${url}${restPath}`, { method, body, headers: { cookie } })).data,
		log: () => fs.readFileSync(path.join(state.n8n.userFolder, 'n8n.log'), 'utf8'),
		killWorker: async () => {
			throw new Error('not available from `npm run demo`');
		},
		stop: async () => {
			throw new Error('stop the demo stack with Ctrl-C in the `npm start` terminal');
		},
	} as N8nInstance;
	// The sandbox's in-process parts (state, server) are the `npm start` process's; demos use its HTTP APIs.
	const sandbox = { ...state.sandbox } as Sandbox;
	const wh = state.warehouse;
	const psql = (sql: string) =>
		execFileSync(
			path.join(ensureServices(), 'psql'),
			[
				'-h',
				wh.host,
				'-p',
				String(wh.port),
				'-U',
				wh.user,
				'-d',
				wh.database,
				'-v',
				'ON_ERROR_STOP=1',
				'-qAt',
			],
			{ input: sql, encoding: 'utf8' },
		);
	const warehouse: Warehouse = {
		...wh,
		query: (sql) =>
			JSON.parse(
				psql(`SELECT coalesce(json_agg(t), '[]') FROM (${sql.replace(/;\s*$/, '')}) t;`).trim() ||
					'[]',
			),
		exec: (sql) => psql(sql),
		stop: async () => undefined,
	};
	return { n8n, sandbox, warehouse };
}

/** The per-template demo drivers, dev/demos/<slug>.ts. */
export const DEMO_DIR = path.join(__dirname, '..', 'demos');

/** The demo of template `slug` (dev/demos/<slug>.ts), or undefined when it has none. */
export function loadDemo(slug: string): TemplateDemo | undefined {
	const file = path.join(DEMO_DIR, `${slug}.ts`);
	if (!fs.existsSync(file)) return undefined;
	const mod = require(file) as { default?: TemplateDemo; demo?: TemplateDemo };
	const demo = mod.default ?? mod.demo;
	if (!demo || typeof demo.run !== 'function' || typeof demo.howTo !== 'function') {
		throw new Error(`${file} exports no TemplateDemo (export default { slug, title, howTo, run })`);
	}
	return demo;
}
