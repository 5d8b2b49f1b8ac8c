// Template 01 (Clay enrichment → HubSpot + Slack) in a real n8n, driven the way Clay drives it: the sandbox
// Clay's HTTP API column calls the published Clay Trigger for each table row with the shared-secret header.
// Checked as a user would: companies, contacts and their associations in the sandbox HubSpot, #high-intent
// messages in the sandbox Slack, the rows of workflow_log in the warehouse, the cells Clay stored, and n8n's
// executions. A HubSpot fault injected for one row must end as a logged failure while the rest succeed.
import demo, {
	addAccounts,
	clayRows,
	CLAY_PATH,
	CLAY_SECRET_HEADER,
	EXISTING_COMPANY,
	runHttpColumn,
	runSetup,
	SAMPLE_ACCOUNTS,
	SLUG,
	type ClayRow,
} from '../../../dev/demos/09-clay-enrichment-endpoint';
import { SANDBOX_HUBSPOT_TOKEN } from '../../../dev/stack/credentials';
import { executionsOf, sandboxAdmin, slackMessages } from '../../../dev/stack/support';
import { settledExecutions, useTemplateStack } from '../helpers/templateStack';

type HubSpotRecord = {
	id: string;
	properties: Record<string, string | null>;
	associations: Record<string, Array<{ toId: string; typeIds: number[] }>>;
};
type LogRow = {
	event: string;
	record_id: string | null;
	status: string;
	duration_ms: number | null;
	metadata: Record<string, any>;
};

const HOOLI = SAMPLE_ACCOUNTS.find((row) => row.Domain === 'hooli.com')!;
/** Every sample row but Hooli, which gets the injected fault on its own. */
const FIRST_ROWS = SAMPLE_ACCOUNTS.filter((row) => row !== HOOLI);

describe(`template ${SLUG}`, () => {
	// Re-sent rows are recognised by the Dedupe node's history in n8n's processed-data store, which n8n writes
	// read-then-write: exact within one process, not across two workers running at once (README, Dedupe; issue
	// 9). In queue mode this suite therefore runs one worker, where the template's guarantees are exact.
	const t = useTemplateStack(SLUG, CLAY_PATH, { workers: 1 });
	let firstRowIds: string[];
	const admin = <T = any>(method: string, path: string, body?: unknown) =>
		sandboxAdmin<T>(t.stack.sandbox, method, path, body);
	const records = async (type: string) =>
		(await admin<{ results: HubSpotRecord[] }>('GET', `/hubspot/objects/${type}`)).results;
	const highIntent = () => slackMessages(t.stack.sandbox, 'high-intent');
	const log = () =>
		t.stack.warehouse.query<LogRow>(
			`SELECT event, record_id, status, duration_ms, metadata FROM workflow_log WHERE workflow = '${SLUG}' ORDER BY id`,
		);
	const cellsOf = (rows: ClayRow[], ids: string[]) =>
		ids.map((id) => rows.find((row) => row.id === id)!);
	const companyByDomain = async (domain: string) =>
		(await records('companies')).filter((c) => c.properties.domain === domain);

	beforeAll(async () => {
		// A company a sales rep created by hand, before the template existed (no domain key).
		await admin('POST', '/seed', { hubspot: { records: { companies: [EXISTING_COMPANY] } } });
		// HubSpot's search index lags writes by seconds: a search-then-create upsert would duplicate
		// companies whose rows arrive together. The template's unique-key upsert must not care.
		await admin('PUT', '/hubspot/settings', { searchIndexLagMs: 3000 });
	});

	test('the one-time setup branch creates the domain key, score and tier properties and keys the existing company', async () => {
		const run = await runSetup(t.stack.n8n);
		expect(run.status).toBe('success');

		for (const [name, unique] of [
			['revops_domain_key', true],
			['signal_score', false],
			['signal_tier', false],
		] as const) {
			const response = await fetch(
				`${t.stack.sandbox.hubspotUrl}/crm/v3/properties/companies/${name}`,
				{
					headers: { authorization: `Bearer ${SANDBOX_HUBSPOT_TOKEN}` },
				},
			);
			expect(response.status).toBe(200);
			expect(((await response.json()) as { hasUniqueValue: boolean }).hasUniqueValue).toBe(unique);
		}
		const [stark] = await companyByDomain(EXISTING_COMPANY.domain);
		expect(stark.properties.revops_domain_key).toBe('stark.com');

		// Running it again changes nothing and still succeeds (properties exist, keys are set).
		expect((await runSetup(t.stack.n8n)).status).toBe('success');
		expect(await companyByDomain(EXISTING_COMPANY.domain)).toHaveLength(1);
	}, 120_000);

	test('a request without the shared secret is refused and starts nothing', async () => {
		const before = (await executionsOf(t.stack.n8n, t.workflowId)).length;
		const response = await fetch(t.stack.n8n.webhookUrl(CLAY_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [CLAY_SECRET_HEADER]: 'guessed' },
			body: JSON.stringify({ domain: 'acme.com', intent: 99 }),
		});
		expect(response.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executionsOf(t.stack.n8n, t.workflowId)).toHaveLength(before);
	});

	test('Clay rows: one company per domain in any spelling, contacts associated, #high-intent only above 80, every row logged', async () => {
		firstRowIds = await addAccounts(t.stack.sandbox.adminUrl, FIRST_ROWS);
		const run = await runHttpColumn(t.stack.sandbox.adminUrl, t.stack.n8n, firstRowIds);
		expect(run.total).toBe(FIRST_ROWS.length);

		// What Clay stored per row: the row's workflow_log entry, or the trigger's 422 for an invalid row.
		const cells = cellsOf(await clayRows(t.stack.sandbox.adminUrl), firstRowIds);
		const byDomain = Object.fromEntries(cells.map((row) => [row.cells.Domain, row]));
		expect(byDomain['vandelay.com'].http?.status).toBe(422);
		expect(byDomain['vandelay.com'].cells.n8n).toEqual({
			error: 'invalid row: intent required',
			fields: [{ field: 'intent', reason: 'required' }],
		});
		const statuses = Object.fromEntries(
			cells
				.filter((row) => row.http?.status === 200)
				.map((row) => [row.cells.Domain, row.cells.Status]),
		);
		expect(statuses).toEqual({
			'acme.com': 'success',
			'globex.com': 'success',
			'https://www.initech.com/about': 'success',
			'WWW.ACME.COM': 'success',
			'umbrella.com': 'success',
			'https://stark.com': 'success',
			'not a domain': 'failure',
			'gmail.com': 'failure',
		});
		expect(byDomain['acme.com'].cells.Score).toBe(93);

		// HubSpot: one company per normalized domain; the hand-made Stark company updated, not duplicated.
		const companies = await records('companies');
		expect(companies.map((c) => c.properties.domain).sort()).toEqual(
			['acme.com', 'globex.com', 'initech.com', 'stark.com', 'umbrella.com'].sort(),
		);
		const company = (domain: string) => companies.find((c) => c.properties.domain === domain)!;
		expect(company('stark.com').properties).toMatchObject({
			name: 'Stark Industries',
			industry: 'Defense',
			signal_score: '89',
			signal_tier: 'hot',
			numberofemployees: '15000',
		});
		expect(company('initech.com').properties.numberofemployees).toBe('2500');
		expect(byDomain['acme.com'].cells['HubSpot Company']).toBe(company('acme.com').id);
		expect(byDomain['WWW.ACME.COM'].cells['HubSpot Company']).toBe(company('acme.com').id);

		// Contacts by email, each associated with its company (both directions).
		const contacts = await records('contacts');
		const contactCompany = Object.fromEntries(
			contacts.map((c) => [c.properties.email, c.associations.companies?.map((a) => a.toId)]),
		);
		expect(contactCompany).toEqual({
			'jane.doe@acme.com': [company('acme.com').id],
			'john.smith@acme.com': [company('acme.com').id],
			'hank@globex.com': [company('globex.com').id],
			'peter@initech.com': [company('initech.com').id],
			'pepper@stark.com': [company('stark.com').id],
		});
		expect(
			contacts.find((c) => c.properties.email === 'jane.doe@acme.com')!.properties,
		).toMatchObject({
			firstname: 'Jane',
			lastname: 'Doe',
			jobtitle: 'VP Sales',
		});
		expect(company('umbrella.com').associations.contacts).toBeUndefined();
		expect(
			company('acme.com')
				.associations.contacts.map((a) => a.toId)
				.sort(),
		).toEqual(
			contacts
				.filter((c) => c.properties.email?.endsWith('@acme.com'))
				.map((c) => c.id)
				.sort(),
		);

		// Slack: exactly the rows scoring above 80 (Umbrella's 80 is not above).
		const messages = await highIntent();
		const alerted = messages.map((m) =>
			/\((\S+)\) scored \*([\d.]+)\*/.exec(m.text ?? '')!.slice(1),
		);
		expect(alerted.sort()).toEqual([
			['acme.com', '93'],
			['initech.com', '82'],
			['stark.com', '89'],
		]);

		// workflow_log: one row per executed Clay row, success or failure with the step and the reason.
		const rows = log();
		expect(rows).toHaveLength(FIRST_ROWS.length - 1);
		const successes = rows.filter((r) => r.status === 'success');
		expect(successes.map((r) => r.record_id).sort()).toEqual(
			['acme.com', 'acme.com', 'globex.com', 'initech.com', 'stark.com', 'umbrella.com'].sort(),
		);
		for (const row of successes) {
			expect(row.event).toBe('record_processed');
			expect(row.metadata.company_id).toBe(company(row.record_id!).id);
			expect(row.duration_ms).toBeGreaterThanOrEqual(0);
		}
		expect(successes.find((r) => r.record_id === 'stark.com')!.metadata).toMatchObject({
			company_action: 'updated',
			slack_alert: true,
			signal_score: 89,
		});
		const failures = rows.filter((r) => r.status === 'failure');
		expect(failures.map((r) => [r.record_id, r.metadata.step, r.metadata.category])).toEqual(
			expect.arrayContaining([
				['not a domain', 'Dedupe re-sent rows', null],
				['gmail.com', 'Upsert company', 'FREE_MAIL_DOMAIN'],
			]),
		);
		expect(failures).toHaveLength(2);
		expect(failures.find((r) => r.record_id === 'not a domain')!.metadata.error).toMatch(
			/not a valid domain/,
		);

		// n8n: one execution per valid row (the 422 started none), each successful: failures were handled.
		// (The two manual runs are the setup branch.)
		const runs = await settledExecutions(t.stack.n8n, t.workflowId, FIRST_ROWS.length + 1);
		const rowRuns = runs.filter((e) => e.mode === 'webhook');
		expect(rowRuns).toHaveLength(FIRST_ROWS.length - 1);
		expect(rowRuns.every((e) => e.status === 'success')).toBe(true);
	}, 240_000);

	test('a HubSpot fault on one row is logged as its failure, the row is retried when Clay sends it again', async () => {
		const companiesBefore = (await records('companies')).length;
		const messagesBefore = (await highIntent()).length;
		const [hooliId] = await addAccounts(t.stack.sandbox.adminUrl, [HOOLI]);

		// HubSpot rejects the company write of this row (a 207 batch answer failing its input).
		await admin('PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 1,
			systems: ['hubspot'],
			pathPattern: '/companies/batch/upsert',
		});
		try {
			await runHttpColumn(t.stack.sandbox.adminUrl, t.stack.n8n, [hooliId]);
		} finally {
			await admin('DELETE', '/faults');
		}
		let [cell] = cellsOf(await clayRows(t.stack.sandbox.adminUrl), [hooliId]);
		expect(cell.cells).toMatchObject({ Status: 'failure', Outcome: 'record_failed' });
		const failure = log().at(-1)!;
		expect(failure).toMatchObject({
			event: 'record_failed',
			record_id: 'hooli.com',
			status: 'failure',
		});
		expect(failure.metadata.step).toBe('Upsert company');
		expect(failure.metadata.error).toEqual(expect.any(String));
		expect(failure.metadata.category).toEqual(expect.any(String));
		expect(await records('companies')).toHaveLength(companiesBefore);
		expect(await highIntent()).toHaveLength(messagesBefore);

		// Clay re-runs the cell once HubSpot is healthy: the earlier attempt failed, so it is not skipped.
		await runHttpColumn(t.stack.sandbox.adminUrl, t.stack.n8n, [hooliId]);
		[cell] = cellsOf(await clayRows(t.stack.sandbox.adminUrl), [hooliId]);
		expect(cell.cells).toMatchObject({ Status: 'success', Outcome: 'record_processed', Score: 94 });
		const [hooli] = await companyByDomain('hooli.com');
		expect(cell.cells['HubSpot Company']).toBe(hooli.id);
		expect(hooli.associations.contacts).toHaveLength(1);
		const messages = await highIntent();
		expect(messages).toHaveLength(messagesBefore + 1);
		expect(messages.at(-1)!.text).toContain('(hooli.com) scored *94*');
	}, 120_000);

	test('rows Clay sends again unchanged are skipped: no HubSpot write, no second alert', async () => {
		const since = Math.max(
			0,
			...(
				await admin<{ results: Array<{ seq: number }> }>(
					'GET',
					'/requests?system=hubspot&limit=100000',
				)
			).results.map((r) => r.seq),
		);
		const messagesBefore = (await highIntent()).length;
		const logBefore = log().length;

		await runHttpColumn(t.stack.sandbox.adminUrl, t.stack.n8n, firstRowIds);

		const cells = cellsOf(await clayRows(t.stack.sandbox.adminUrl), firstRowIds);
		const outcome = Object.fromEntries(
			cells
				.filter((row) => row.http?.status === 200)
				.map((row) => [row.cells.Domain, row.cells.Outcome]),
		);
		expect(outcome).toEqual({
			'acme.com': 'record_skipped',
			'globex.com': 'record_skipped',
			'https://www.initech.com/about': 'record_skipped',
			'WWW.ACME.COM': 'record_skipped',
			'umbrella.com': 'record_skipped',
			'https://stark.com': 'record_skipped',
			// Failed before, so tried again (and failing again for the same reasons).
			'not a domain': 'record_failed',
			'gmail.com': 'record_failed',
		});
		const skipped = log()
			.slice(logBefore)
			.filter((r) => r.event === 'record_skipped');
		expect(skipped.map((r) => r.record_id).sort()).toEqual(
			['acme.com', 'acme.com', 'globex.com', 'initech.com', 'stark.com', 'umbrella.com'].sort(),
		);
		expect(skipped.every((r) => r.status === 'success' && r.metadata.company_id)).toBe(true);

		const writes = (
			await admin<{ results: Array<{ method: string; path: string }> }>(
				'GET',
				`/requests?system=hubspot&sinceSeq=${since}&limit=100000`,
			)
		).results.filter((r) => r.method !== 'GET');
		expect(writes).toEqual([]);
		expect(await highIntent()).toHaveLength(messagesBefore);
		expect(await records('companies')).toHaveLength(6);
	}, 120_000);

	test('the demo (npm run demo) runs the same way end to end', async () => {
		const result = (await demo.run(t.ctx)) as {
			total: number;
			rows: Array<{ http?: number; outcome?: string }>;
		};
		expect(result.total).toBe(SAMPLE_ACCOUNTS.length);
		// Everything was sent before: the successes come back skipped, nothing is duplicated.
		expect(result.rows.filter((row) => row.outcome === 'record_skipped')).toHaveLength(7);
		expect(await records('companies')).toHaveLength(6);
	}, 120_000);
});
