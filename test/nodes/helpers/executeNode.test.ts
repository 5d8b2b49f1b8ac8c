// The harness itself: what other node tests rely on (real HTTP with credentials applied, dedupe history
// per store, errors as n8n reports them).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { executeNode, MemoryDedupeStore } from './executeNode';

class TokenApi implements ICredentialType {
	name = 'testTokenApi';
	displayName = 'Test Token API';
	properties = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string' as const,
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};
}

/** Posts each item to the credential's base URL and returns the response. */
class Echo implements INodeType {
	description = {
		displayName: 'Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Posts items to a server',
		defaults: { name: 'Echo' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'testTokenApi', required: true }],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('testTokenApi');
		const out: INodeExecutionData[] = [];
		for (const [i, item] of this.getInputData().entries()) {
			const response = await this.helpers.httpRequestWithAuthentication.call(this, 'testTokenApi', {
				method: 'POST',
				url: `${baseUrl}/echo`,
				body: item.json,
				json: true,
			});
			out.push({ json: response, pairedItem: { item: i } });
		}
		return [out];
	}
}

/** Records each item's `key` with n8n's dedupe helpers; new keys on output 0, seen ones on output 1. */
class SeenBefore implements INodeType {
	description = {
		displayName: 'Seen Before',
		name: 'seenBefore',
		group: ['transform'],
		version: 1,
		description: 'Cross-execution dedupe',
		defaults: { name: 'Seen Before' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const keys = items.map((item) => String(item.json.key));
		const { processed } = await this.helpers.checkProcessedAndRecord(keys, 'workflow', {
			mode: 'entries',
			maxEntries: 100,
		});
		const out: INodeExecutionData[][] = [[], []];
		items.forEach((item, i) =>
			out[processed.includes(keys[i]) ? 1 : 0].push({ json: item.json, pairedItem: { item: i } }),
		);
		return out;
	}
}

/** Counts its runs in the workflow's static data. */
class Counter implements INodeType {
	description = {
		displayName: 'Counter',
		name: 'counter',
		group: ['transform'],
		version: 1,
		description: 'Counts runs',
		defaults: { name: 'Counter' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const data = this.getWorkflowStaticData('global');
		data.runs = Number(data.runs ?? 0) + 1;
		return [[{ json: { runs: data.runs }, pairedItem: { item: 0 } }]];
	}
}

describe('executeNode', () => {
	let server: http.Server;
	let baseUrl: string;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				res.setHeader('content-type', 'application/json');
				res.end(
					JSON.stringify({
						path: req.url,
						authorization: req.headers.authorization,
						body: JSON.parse(body || '{}'),
					}),
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	test('httpRequestWithAuthentication reaches a real server with the credential applied', async () => {
		const run = await executeNode({
			node: new Echo(),
			items: [{ name: 'Acme' }],
			credentials: [{ type: new TokenApi(), data: { token: 'secret-1', baseUrl } }],
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toEqual([
			{
				json: { path: '/echo', authorization: 'Bearer secret-1', body: { name: 'Acme' } },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a node that throws is reported with n8n error fields', async () => {
		const run = await executeNode({ node: new Echo(), items: [{}] });
		expect(run.outputs).toEqual([]);
		expect(run.error?.message).toMatch(/credential/i);
	});

	test('dedupe history persists in a shared store and stays apart across stores', async () => {
		const store = new MemoryDedupeStore();
		const first = await executeNode({
			node: new SeenBefore(),
			items: [{ key: 'a' }, { key: 'b' }],
			dedupeStore: store,
		});
		const second = await executeNode({
			node: new SeenBefore(),
			items: [{ key: 'b' }, { key: 'c' }],
			dedupeStore: store,
		});
		const fresh = await executeNode({ node: new SeenBefore(), items: [{ key: 'b' }] });
		expect(first.outputs.map((o) => o.length)).toEqual([2, 0]);
		expect(second.outputs[1]).toEqual([{ json: { key: 'b' }, pairedItem: { item: 0 } }]);
		expect(second.outputs[0]).toEqual([{ json: { key: 'c' }, pairedItem: { item: 1 } }]);
		expect(fresh.outputs.map((o) => o.length)).toEqual([1, 0]);
	});

	test('workflow static data is the object given, kept between runs', async () => {
		const staticData = {};
		await executeNode({ node: new Counter(), items: [{}], staticData });
		const second = await executeNode({ node: new Counter(), items: [{}], staticData });
		expect(second.outputs[0][0].json).toEqual({ runs: 2 });
		expect(staticData).toEqual({ global: { runs: 2 } });
	});

	test("without serialization, two concurrent runs can both see a key as new (as with n8n's DB store)", async () => {
		const store = new MemoryDedupeStore();
		const runs = await Promise.all(
			[1, 2].map(() =>
				executeNode({ node: new SeenBefore(), items: [{ key: 'same' }], dedupeStore: store }),
			),
		);
		expect(runs.map((run) => run.outputs[0].length)).toEqual([1, 1]);
	});
});
