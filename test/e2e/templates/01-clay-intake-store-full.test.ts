// Template 01 when n8n's Data Table cap is reached (a small N8N_DATA_TABLES_MAX_SIZE_BYTES, checked without
// n8n's 60 s cache): rows keep coming from Clay; those the store cannot take are answered 503 with Retry-After
// and an alert goes to #revops-alerts (once, not per row); every row answered 202 reaches HubSpot exactly once;
// the drain, blocked at the cap, purges done rows early and says so; the refused rows are then accepted when
// sent again. Nothing is lost.
import { INTAKE_PATH, runSetup, SLUG } from '../../../dev/demos/01-clay-enrichment-to-hubspot';
import { CLAY_SECRET_HEADER } from '../../../dev/demos/09-clay-enrichment-endpoint';
import { SANDBOX_WEBHOOK_SECRET } from '../../../dev/stack/credentials';
import { sandboxAdmin, slackMessages, waitFor } from '../../../dev/stack/support';
import { useTemplateStack } from '../helpers/templateStack';

const CAP_BYTES = 400 * 1024;
const PADDING = 'x'.repeat(3000);

describe(`template ${SLUG}: the intake store at n8n's Data Table cap`, () => {
	const t = useTemplateStack(SLUG, INTAKE_PATH, {
		workers: 2,
		env: {
			N8N_DATA_TABLES_MAX_SIZE_BYTES: String(CAP_BYTES),
			N8N_DATA_TABLES_SIZE_CHECK_CACHE_DURATION_MS: '0',
		},
	});
	const post = async (i: number) =>
		await fetch(t.stack.n8n.webhookUrl(INTAKE_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [CLAY_SECRET_HEADER]: SANDBOX_WEBHOOK_SECRET },
			body: JSON.stringify({
				domain: `full-${i}.example`,
				name: `Full ${i}`,
				intent: 60,
				notes: PADDING,
			}),
		});
	const companies = async () =>
		(
			await sandboxAdmin<{ results: Array<{ properties: Record<string, string> }> }>(
				t.stack.sandbox,
				'GET',
				'/hubspot/objects/companies',
			)
		).results;

	test('refused rows get 503 + Retry-After and one alert; accepted rows reach HubSpot once; the drain frees space itself; refused rows are accepted when sent again', async () => {
		expect((await runSetup(t.stack.n8n)).status).toBe('success');
		const accepted: number[] = [];
		const refused: number[] = [];
		for (let i = 0; i < 400 && refused.length < 10; i++) {
			const response = await post(i);
			if (response.status === 202) accepted.push(i);
			else {
				expect(response.status).toBe(503);
				expect(response.headers.get('retry-after')).toBe('60');
				const body = (await response.json()) as { error: string; action: string };
				expect(body.error).toContain('the intake store is full');
				expect(body.action).toContain('N8N_DATA_TABLES_MAX_SIZE_BYTES');
				refused.push(i);
			}
		}
		expect(accepted.length).toBeGreaterThan(10);
		expect(refused).toHaveLength(10);
		const alerts = await waitFor('the intake alert', async () => {
			const found = (await slackMessages(t.stack.sandbox, 'revops-alerts')).filter((m) =>
				m.text?.includes('Clay intake is refusing rows'),
			);
			return found.length > 0 && found;
		});
		expect(alerts).toHaveLength(1);
		expect(alerts[0].text).toContain('503');

		// At the cap every update fails, so the drain cannot take its lock: it purges done rows early (deletes
		// still work), says so once, and drains again on its next run.
		const drainAlert = await waitFor(
			'the drain alert',
			async () =>
				(await slackMessages(t.stack.sandbox, 'revops-alerts')).find((m) =>
					m.text?.includes('drain could not take its lock'),
				),
			120_000,
		);
		expect(drainAlert.text).toContain('Done rows were purged early');
		await waitFor(
			'the accepted rows in HubSpot',
			async () => {
				const domains = new Set((await companies()).map((c) => c.properties.domain));
				return accepted.every((i) => domains.has(`full-${i}.example`));
			},
			240_000,
		);
		// Clay's user re-runs the errored cells: they are accepted now and reach HubSpot.
		for (const i of refused) expect((await post(i)).status).toBe(202);
		await waitFor(
			'the refused rows in HubSpot',
			async () => {
				const domains = new Set((await companies()).map((c) => c.properties.domain));
				return refused.every((i) => domains.has(`full-${i}.example`));
			},
			120_000,
		);
		const all = await companies();
		for (const i of [...accepted, ...refused])
			expect(all.filter((c) => c.properties.domain === `full-${i}.example`)).toHaveLength(1);
	}, 600_000);
});
