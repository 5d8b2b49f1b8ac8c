// Template 01 at run time on n8n 1.123.x, set up as workflows/README.md tells a 1.x user: 1.x's Data Table node
// neither creates a table nor finds one by name, so until the user creates `revops_clay_intake` and picks it
// in the template's Data Table nodes the intake answers 500 naming the table and its columns (nothing is
// answered 202 that was not stored). Once picked: rows stored and answered 202, drained to HubSpot by the
// schedule, once each; a row sent again has no second effect. (1.x Data Tables share a 50 MiB cap.)
import {
	INTAKE_PATH,
	INTAKE_TABLE,
	runSetup,
	INTAKE_WORKFLOW_NAME,
	SLUG,
	WORKFLOW_NAME,
} from '../../../dev/demos/01-clay-enrichment-to-hubspot';
import { CLAY_SECRET_HEADER } from '../../../dev/demos/09-clay-enrichment-endpoint';
import { SANDBOX_WEBHOOK_SECRET } from '../../../dev/stack/credentials';
import { createDataTable, dataTableRows } from '../../../dev/stack/dataTables';
import { startStack, type Stack } from '../../../dev/stack/stack';
import { sandboxAdmin, waitFor } from '../../../dev/stack/support';
import { QUEUE_COLUMNS } from '../../../nodes/shared/queue';

// The harness's queue mode is n8n 2.x only.
const describeSingle = process.env.N8N_MODE === 'queue' ? describe.skip : describe;

describeSingle('template 01 on n8n 1.123.x', () => {
	let stack: Stack;
	beforeAll(async () => {
		stack = await startStack({ line: '1', templates: [SLUG] });
	}, 300_000);
	afterAll(async () => await stack?.stop(), 60_000);

	const post = async (i: number) =>
		await fetch(stack.n8n.webhookUrl(INTAKE_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [CLAY_SECRET_HEADER]: SANDBOX_WEBHOOK_SECRET },
			body: JSON.stringify({
				domain: `one-x-${i}.example`,
				name: `One X ${i}`,
				email: `buyer@one-x-${i}.example`,
				intent: 40 + i,
			}),
		});
	const companies = async () =>
		(
			await sandboxAdmin<{ results: Array<{ properties: Record<string, string> }> }>(
				stack.sandbox,
				'GET',
				'/hubspot/objects/companies',
			)
		).results;

	test('runs the 1.x line', () => {
		expect(stack.n8n.version).toMatch(/^1\.123\./);
	});

	test('before the table is picked, the intake refuses rows with 500 naming the table and its columns', async () => {
		const response = await post(0);
		expect(response.status).toBe(500);
		const body = (await response.json()) as { error: string; action: string };
		expect(body.error).toContain(INTAKE_TABLE);
		expect(body.action).toContain('available_at (number)');
	});

	test('with the table created and picked by hand: stored, answered 202, drained to HubSpot once each', async () => {
		expect((await runSetup(stack.n8n)).status).toBe('success');
		const project = await stack.n8n.rest<{ data: { id: string } }>(
			'GET',
			'/rest/projects/personal',
		);
		const table = await createDataTable(
			stack.n8n,
			project.data.id,
			INTAKE_TABLE,
			QUEUE_COLUMNS.map((column) => ({ name: column.name, type: column.type })),
		);
		// What the user does in the editor: pick the table in each Data Table node of both workflows, then save.
		let picked = 0;
		for (const workflowName of [INTAKE_WORKFLOW_NAME, WORKFLOW_NAME]) {
			const id = stack.n8n.workflowIds[workflowName];
			const workflow = await stack.n8n.api('GET', `/workflows/${id}`);
			for (const node of workflow.nodes)
				if (node.type === 'n8n-nodes-base.dataTable' && node.parameters.dataTableId) {
					node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.id };
					picked++;
				}
			const { name, nodes, connections, settings } = workflow;
			await stack.n8n.api('PUT', `/workflows/${id}`, { name, nodes, connections, settings });
			await stack.n8n.api('POST', `/workflows/${id}/activate`);
		}
		expect(picked).toBeGreaterThan(10);

		const sent = Array.from({ length: 30 }, (_, i) => i + 1);
		const answers = await waitFor('the intake to take rows', async () => {
			const first = await post(sent[0]);
			return first.status === 202 ? [first.status] : undefined;
		});
		for (const i of sent.slice(1)) answers.push((await post(i)).status);
		expect(answers).toEqual(sent.map(() => 202));
		expect(
			(await dataTableRows<{ key: string }>(stack.n8n, INTAKE_TABLE)).filter(
				(row) => row.key !== '__drain_lock__',
			),
		).toHaveLength(30);

		const domains = sent.map((i) => `one-x-${i}.example`);
		await waitFor(
			'the drain to write every row to HubSpot',
			async () => {
				const present = new Set((await companies()).map((c) => c.properties.domain));
				return domains.every((domain) => present.has(domain));
			},
			120_000,
		);
		// Clay sends a row again: stored, answered, and no second company.
		expect((await post(sent[0])).status).toBe(202);
		await waitFor(
			'the repeat to be settled',
			async () =>
				(await dataTableRows<{ state: string; key: string }>(stack.n8n, INTAKE_TABLE))
					.filter((row) => row.key !== '__drain_lock__')
					.every((row) => row.state === 'done'),
			60_000,
		);
		const all = await companies();
		for (const domain of domains)
			expect(all.filter((c) => c.properties.domain === domain)).toHaveLength(1);
	}, 300_000);
});
