// Shared set-up of the HubSpot node tests: one in-process sandbox per test file, reset before
// each test with rate limits raised (tests that are about limits set their own), and helpers to
// run the node and to read HubSpot's end state through the sandbox admin API.
import type { IDataObject, ILoadOptionsFunctions, INode, INodeParameters } from 'n8n-workflow';
import { HubSpotRevOpsPrivateAppApi } from '../../../credentials/HubSpotRevOpsPrivateAppApi.credentials';
import { HubSpotRevOps } from '../../../nodes/HubSpot/HubSpotRevOps.node';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { executeNode, loadOptionsContext, type NodeRunResult } from './executeNode';

export interface SandboxRecord {
	id: string;
	properties: Record<string, string>;
	archived: boolean;
	associations: Record<string, Array<{ toId: string }>>;
}

/** Node options for fast tests: budgets as high as the raised sandbox limits, short retry waits. */
export const FAST: INodeParameters = {
	requestsPerInterval: 100_000,
	searchRequestsPerSecond: 1000,
	retryBaseDelayMs: 5,
};

export function useHubSpotSandbox() {
	const t = { sb: undefined as unknown as Sandbox };
	beforeAll(async () => {
		t.sb = await startSandbox({ port: 0 });
	});
	afterAll(async () => await t.sb.close());
	beforeEach(async () => {
		await admin(t.sb, 'POST', '/reset');
		await admin(t.sb, 'PUT', '/hubspot/limits', { tenSecondly: 100_000, searchPerSecond: 1000 });
	});
	return t;
}

export async function admin(
	sb: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<IDataObject> {
	const response = await fetch(`${sb.adminUrl}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
	const text = await response.text();
	return text ? (JSON.parse(text) as IDataObject) : {};
}

export async function records(sb: Sandbox, objectType: string): Promise<SandboxRecord[]> {
	const { results } = await admin(sb, 'GET', `/hubspot/objects/${objectType}`);
	return (results as unknown as SandboxRecord[]).filter((r) => !r.archived);
}

export async function requestLog(
	sb: Sandbox,
	query = 'system=hubspot',
): Promise<Array<{ method: string; path: string; status: number; fault?: string }>> {
	const { results } = await admin(sb, 'GET', `/requests?${query}&limit=1000000`);
	return results as never;
}

export async function runHubSpot(
	sb: Sandbox,
	parameters: INodeParameters,
	items: IDataObject[],
	settings: { onError?: INode['onError']; accessToken?: string; typeVersion?: number } = {},
): Promise<NodeRunResult> {
	return await executeNode({
		node: new HubSpotRevOps(),
		parameters,
		items,
		...(settings.onError ? { onError: settings.onError } : {}),
		// The node's latest version unless the test is about an older one (workflows saved with it).
		...(settings.typeVersion ? { typeVersion: settings.typeVersion } : {}),
		credentials: [
			{
				type: new HubSpotRevOpsPrivateAppApi(),
				data: { accessToken: settings.accessToken ?? 'pat-sandbox', baseUrl: sb.hubspotUrl },
			},
		],
	});
}

/** What the node's methods (pickers, resource mapper) get when the editor asks, against the sandbox. */
export function methodContext(
	sb: Sandbox,
	parameters: INodeParameters,
	settings: { typeVersion?: number; path?: string } = {},
): ILoadOptionsFunctions {
	return loadOptionsContext({
		node: new HubSpotRevOps(),
		parameters,
		...settings,
		credentials: [
			{
				type: new HubSpotRevOpsPrivateAppApi(),
				data: { accessToken: 'pat-sandbox', baseUrl: sb.hubspotUrl },
			},
		],
	});
}

/**
 * Define Below's property values on version 2 (the resource mapper's stored value), e.g.
 * `propertyMapping: mapped({ name: '={{ $json.company_name }}' })`.
 */
export function mapped(values: Record<string, string | number | boolean | null>): INodeParameters {
	return { mappingMode: 'defineBelow', value: values, matchingColumns: [], schema: [] };
}

/** Version 2's record locator value, e.g. `recordId: locator('url', 'https://app.hubspot.com/…')`. */
export function locator(mode: 'id' | 'url' | 'domain' | 'email', value: string): INodeParameters {
	return { __rl: true, mode, value };
}

/** Input index of each output item, per output: [success, rejected(, n8n's error output)]. */
export function pairedIndexes(run: NodeRunResult): number[][] {
	return run.outputs.map((items) =>
		items.map((item) => (item.pairedItem as { item: number }).item),
	);
}
