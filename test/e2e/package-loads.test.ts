// The packed package, installed the way the Community Nodes panel installs it, loads in both
// supported n8n lines: every declared node and credential type is known, nothing in the log
// complains, and a node from the package runs inside a published workflow.
import { startN8n, type N8nInstance, type N8nLine } from '../../dev/harness';
import { declaredTypes, packageLoadErrors } from './helpers/package';
import { scoreWorkflow as buildScoreWorkflow } from './helpers/scoreWorkflow';

const scoreWorkflow = buildScoreWorkflow('Package smoke: Signal Score', 'smoke-score');

describe.each<[N8nLine, string]>([
	['2', '2.41.1'],
	['1', '1.123'],
])('n8n line %s', (line, version) => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({ line, workflows: [scoreWorkflow] });
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60000);

	test(`runs n8n ${version}`, () => {
		expect(n8n.version.startsWith(version)).toBe(true);
	});

	test('knows every node and credential type the package declares', async () => {
		const declared = declaredTypes();
		expect(declared.nodes.length).toBeGreaterThan(0);
		const nodeTypes = new Set(
			(await n8n.rest<Array<{ name: string }>>('GET', '/types/nodes.json')).map((t) => t.name),
		);
		const credentialTypes = new Set(
			(await n8n.rest<Array<{ name: string }>>('GET', '/types/credentials.json')).map(
				(t) => t.name,
			),
		);
		expect(declared.nodes.filter((t) => !nodeTypes.has(t))).toEqual([]);
		expect(declared.credentials.filter((t) => !credentialTypes.has(t))).toEqual([]);
	});

	test("n8n's log shows no load errors for the package", () => {
		expect(packageLoadErrors(n8n.log())).toEqual([]);
	});

	test('a published workflow runs a node from the package', async () => {
		const response = await fetch(n8n.webhookUrl('smoke-score'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ intent: 90, fit: 70 }),
		});
		expect(response.status).toBe(200);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body.signal_score).toBe(78);
		expect(body.signal_tier).toBe('warm');
	});
});
