// Issue 8 point 8 on the older line: every template of workflows/ imports into n8n 1.123.x (on the machine's
// Node 20) with the sandbox credentials and is published, which n8n refuses for a workflow with an unknown
// node type, a node version it lacks, a parameter issue or a missing credential (the same checks that put
// warning badges on the canvas). On 2.41.1 the editor test opens each template in Chromium and the template
// suites run them.
import { startStack, type Stack } from '../../../dev/stack/stack';
import { loadTemplates } from '../../../dev/stack/templates';

const templates = loadTemplates();
// The harness's queue mode is n8n 2.x only; the queue-mode pass of CI covers 2.41.1 through the template suites.
const describeSingle = process.env.N8N_MODE === 'queue' ? describe.skip : describe;

describeSingle('templates on n8n 1.123.x', () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ line: '1' });
	}, 300000);

	afterAll(async () => {
		await stack?.stop();
	}, 60000);

	test('runs the 1.x line', () => {
		expect(stack.n8n.version).toMatch(/^1\.123\./);
	});

	test.each(templates.map((t) => [t.slug, t]))('%s imports and is published', async (_slug, t) => {
		const id = stack.n8n.workflowIds[t.workflow.name];
		expect(id).toBeDefined();
		const stored = await stack.n8n.api<{
			active: boolean;
			nodes: Array<{ name: string; type: string }>;
		}>('GET', `/workflows/${id}`);
		expect(stored.nodes.map((n) => [n.name, n.type])).toEqual(
			t.workflow.nodes.map((n) => [n.name, n.type]),
		);
		expect(stored.active).toBe(true);
	});

	test('n8n logged no problem with any template', () => {
		const names = templates.map((t) => t.workflow.name);
		const problems = stack.n8n
			.log()
			.split('\n')
			.filter((line) => /warn|error|problem|could not/i.test(line))
			.filter((line) => names.some((name) => line.includes(name)));
		expect(problems).toEqual([]);
	});
});
