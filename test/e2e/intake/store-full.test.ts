// Template 01 when n8n's Data Table cap is reached (a small N8N_DATA_TABLES_MAX_SIZE_BYTES, checked without
// n8n's 60 s cache). HubSpot refuses every company for a while, so rows wait for their retry and the store
// fills: the intake answers 503 with Retry-After (Clay keeps the row) and alerts once, the drain, which can no
// longer update a row at the cap, alerts once too. The operator raises the cap (n8n restarted): every row
// answered 202 reaches HubSpot exactly once, and the refused rows are accepted when Clay sends them again.
// Before that, the template's store check (every 10 minutes, run here when the tables pass 85 % of the cap)
// warns in #revops-alerts with the share used and what to do. Single mode only (it restarts n8n).
import {
	INTAKE_PATH,
	runSetup,
	SLUG,
	WORKFLOW_NAME,
} from '../../../dev/demos/01-clay-enrichment-to-hubspot';
import { CLAY_SECRET_HEADER } from '../../../dev/demos/09-clay-enrichment-endpoint';
import { SANDBOX_WEBHOOK_SECRET } from '../../../dev/stack/credentials';
import { updateDataTableRows } from '../../../dev/stack/dataTables';
import { runFromTrigger, sandboxAdmin, slackMessages, waitFor } from '../../../dev/stack/support';
import { useTemplateStack } from '../helpers/templateStack';

const describeSingle = (process.env.N8N_MODE ?? 'single') === 'single' ? describe : describe.skip;
const CAP_BYTES = 300 * 1024;
const PADDING = 'x'.repeat(3000);

describeSingle(`template ${SLUG}: the intake store at n8n's Data Table cap`, () => {
	const t = useTemplateStack(SLUG, INTAKE_PATH, {
		env: {
			N8N_DATA_TABLES_MAX_SIZE_BYTES: String(CAP_BYTES),
			N8N_DATA_TABLES_SIZE_CHECK_CACHE_DURATION_MS: '0',
		},
	});
	const admin = <T = any>(method: string, path: string, body?: unknown) =>
		sandboxAdmin<T>(t.stack.sandbox, method, path, body);
	const post = async (i: number) =>
		await fetch(t.stack.n8n.webhookUrl(INTAKE_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [CLAY_SECRET_HEADER]: SANDBOX_WEBHOOK_SECRET },
			body: JSON.stringify({
				domain: `full-${i}.example`,
				name: `Full ${i} ${PADDING}`,
				intent: 60,
			}),
		});
	const domainsInHubSpot = async () =>
		new Set(
			(
				await admin<{ results: Array<{ properties: Record<string, string> }> }>(
					'GET',
					'/hubspot/objects/companies',
				)
			).results.map((c) => c.properties.domain),
		);
	const alert = async (text: string) =>
		(await slackMessages(t.stack.sandbox, 'revops-alerts')).filter((m) => m.text?.includes(text));

	test('refused rows get 503 + Retry-After and one alert each side; after the cap is raised nothing is lost or doubled', async () => {
		expect((await runSetup(t.stack.n8n)).status).toBe('success');
		await admin('PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 1,
			systems: ['hubspot'],
			pathPattern: '/companies/batch/upsert',
		});
		// The operator set the store check's cap to this n8n's N8N_DATA_TABLES_MAX_SIZE_BYTES.
		const workflowId = t.stack.n8n.workflowIds[WORKFLOW_NAME];
		const workflow = await t.stack.n8n.api('GET', `/workflows/${workflowId}`);
		workflow.nodes.find((n: { name: string }) => n.name === 'Store usage').parameters.capMiB =
			CAP_BYTES / 1024 / 1024;
		const { name, nodes, connections, settings } = workflow;
		await t.stack.n8n.api('PUT', `/workflows/${workflowId}`, { name, nodes, connections, settings });
		const usedBytes = async () =>
			(
				await t.stack.n8n.api<{ data: Array<{ sizeBytes: number }> }>(
					'GET',
					'/data-tables?limit=250',
				)
			).data.reduce((sum, table) => sum + table.sizeBytes, 0);

		const accepted: number[] = [];
		const refused: number[] = [];
		let warned = false;
		for (let i = 0; i < 400 && refused.length < 10; i++) {
			const response = await post(i);
			if (response.status === 202) {
				accepted.push(i);
				if (!warned && (await usedBytes()) >= 0.85 * CAP_BYTES) {
					// Well before the cap: the check warns, and intake still takes rows.
					const check = await runFromTrigger(t.stack.n8n, workflowId, 'Every 10 minutes');
					expect(check.status).toBe('success');
					const [warning] = await alert('of 0.29 MiB');
					expect(warning.text).toMatch(/^:warning: n8n's data tables use 0\.\d\d MiB of 0\.29 MiB \((8[5-9]|9\d)(\.\d)? %\); largest: revops_clay_intake/);
					expect(warning.text).toContain('What to do: Before the cap is reached');
					warned = true;
				}
				continue;
			}
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('60');
			const body = (await response.json()) as { error: string; action: string };
			expect(body.error).toContain('the intake store is full');
			expect(body.action).toContain('N8N_DATA_TABLES_MAX_SIZE_BYTES');
			refused.push(i);
		}
		expect(warned).toBe(true);
		expect(accepted.length).toBeGreaterThan(20);
		expect(refused).toHaveLength(10);
		await waitFor(
			'the intake alert',
			async () => (await alert('Clay intake is refusing rows')).length > 0,
		);
		await waitFor(
			'the drain alert',
			async () => (await alert('drain could not take its lock')).length > 0,
			150_000,
		);
		// Once an hour per kind, not once per row or per drain.
		await new Promise((resolve) => setTimeout(resolve, 12_000));
		expect(await alert('Clay intake is refusing rows')).toHaveLength(1);
		expect(await alert('drain could not take its lock')).toHaveLength(1);

		// The operator raises the cap; HubSpot is back.
		await admin('DELETE', '/faults');
		await t.stack.crashAndRestart({ N8N_DATA_TABLES_MAX_SIZE_BYTES: String(50 * 1024 * 1024) });
		// Rows wait for their backoff, and rows and lock for the lease of a drain that failed at the cap: due now.
		for (const state of ['pending', 'claimed', 'lock'])
			await updateDataTableRows(t.stack.n8n, 'revops_clay_intake', { state }, { available_at: 0 });
		await waitFor(
			'every accepted row in HubSpot',
			async () => {
				const domains = await domainsInHubSpot();
				return accepted.every((i) => domains.has(`full-${i}.example`));
			},
			180_000,
		);
		// Clay's user re-runs the errored cells.
		for (const i of refused) expect((await post(i)).status).toBe(202);
		await waitFor(
			'the refused rows in HubSpot',
			async () => {
				const domains = await domainsInHubSpot();
				return refused.every((i) => domains.has(`full-${i}.example`));
			},
			120_000,
		);
		const companies = (
			await admin<{ results: Array<{ properties: Record<string, string> }> }>(
				'GET',
				'/hubspot/objects/companies',
			)
		).results;
		for (const i of [...accepted, ...refused])
			expect(companies.filter((c) => c.properties.domain === `full-${i}.example`)).toHaveLength(1);
	}, 600_000);
});
