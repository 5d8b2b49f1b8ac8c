// Running the HubSpot recipe workflows of the benchmarks in a real n8n: post the rows to the workflow's
// webhook, wait for its execution, and measure it against the sandbox's request log and records.
import type { N8nInstance, WorkflowJson } from '../../dev/harness';
import type { Sandbox } from '../../sandbox/server';
import type { ClayRow } from '../../test/fixtures/clayRows';

export interface Execution {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt?: string;
}

export interface Measured {
	rows: number;
	seconds: number;
	calls: number;
	status429: number;
	errorsSurfaced: number;
	companies: number;
	distinctDomains: number;
	contacts: number;
	associated: number;
	status: string;
	/** Time inside the package's nodes (the rest is n8n: webhook, Split Out, saving the execution). */
	nodeSeconds: number;
	failure?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function adminCall(sb: Sandbox, method: string, path: string, body?: unknown) {
	const res = await fetch(`${sb.adminUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return text ? JSON.parse(text) : {};
}

/** Posts the rows to the workflow's webhook and waits for its execution to finish. */
async function runWorkflow(
	n8n: N8nInstance,
	workflow: string,
	path: string,
	rows: ClayRow[],
): Promise<Execution> {
	const workflowId = n8n.workflowIds[workflow];
	const before = await n8n.api<{ data: Execution[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=1`,
	);
	const previous = before.data[0]?.id;
	const res = await fetch(n8n.webhookUrl(path), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rows }),
	});
	if (!res.ok) throw new Error(`webhook ${path}: ${res.status} ${await res.text()}`);
	for (let resets = 0; ; ) {
		await sleep(1000);
		let latest: Execution | undefined;
		try {
			latest = (
				await n8n.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&limit=1`)
			).data[0];
		} catch (error) {
			// n8n's event loop is busy with the run: a kept-alive socket can be reset under us. Ask again.
			if (++resets > 30) throw error;
			continue;
		}
		if (latest && latest.id !== previous && latest.stoppedAt) return latest;
	}
}

interface ResultData {
	runData?: Record<string, Array<{ executionTime?: number; data?: { main?: unknown[][] } }>>;
	error?: { message?: string };
	lastNodeExecuted?: string;
}

/**
 * Items on the Rejected outputs of the package's nodes, and the error that ended the run, if any (the
 * built-in node has no error output: a failure it does not survive stops the run).
 */
async function outcome(
	n8n: N8nInstance,
	execution: Execution,
	nodes: string[],
): Promise<{ errors: number; nodeSeconds: number; failure?: string }> {
	const full = await n8n.api<{ data?: { resultData?: ResultData } }>(
		'GET',
		`/executions/${execution.id}?includeData=true`,
	);
	const result = full.data?.resultData ?? {};
	const runData = result.runData ?? {};
	return {
		errors: nodes.reduce(
			(sum, node) => sum + (runData[node]?.[0]?.data?.main?.[1]?.length ?? 0),
			0,
		),
		nodeSeconds:
			nodes.reduce((sum, node) => sum + (runData[node]?.[0]?.executionTime ?? 0), 0) / 1000,
		failure: result.error
			? `${result.lastNodeExecuted ?? ''}: ${result.error.message ?? ''}`
			: undefined,
	};
}

export async function measure(
	sb: Sandbox,
	n8n: N8nInstance,
	workflow: WorkflowJson,
	path: string,
	rows: ClayRow[],
	errorNodes: string[],
	/** After the sandbox's reset (e.g. other rate limits). */
	prepare?: () => Promise<unknown>,
): Promise<Measured> {
	await adminCall(sb, 'POST', '/reset');
	await prepare?.();
	const execution = await runWorkflow(n8n, workflow.name, path, rows);
	const log = (await adminCall(sb, 'GET', '/requests?system=hubspot&limit=100000000'))
		.results as Array<{ status: number; at: string; path: string; method: string }>;
	const start = Date.parse(log[0]?.at ?? '');
	for (const r of log.filter((entry) => entry.status === 429))
		console.log(`429 at +${(Date.parse(r.at) - start) / 1000}s: ${r.method} ${r.path}`);
	const companies = (await adminCall(sb, 'GET', '/hubspot/objects/companies')).results as Array<{
		properties: Record<string, string>;
	}>;
	const contacts = (await adminCall(sb, 'GET', '/hubspot/objects/contacts')).results as Array<{
		associations: Record<string, unknown[]>;
	}>;
	const { errors, nodeSeconds, failure } = await outcome(n8n, execution, errorNodes);
	return {
		rows: rows.length,
		seconds: (Date.parse(execution.stoppedAt!) - Date.parse(execution.startedAt)) / 1000,
		calls: log.length,
		status429: log.filter((r) => r.status === 429).length,
		errorsSurfaced: errors,
		nodeSeconds,
		failure,
		companies: companies.length,
		distinctDomains: new Set(companies.map((c) => c.properties.domain)).size,
		contacts: contacts.length,
		associated: contacts.filter((c) => (c.associations.companies ?? []).length > 0).length,
		status: execution.status,
	};
}
