// Template 01 (Clay → HubSpot + Slack, durably) in a real n8n, driven the way Clay drives it: the sandbox
// Clay's HTTP API column calls the published Clay Trigger once per row at Clay's pace (10 rows/s, bursts of
// 20, 4 connections). Checked as a user would: every row answered 202 only once it is in the intake data
// table, then drained by the template's own schedule into the sandbox HubSpot exactly once, one #high-intent
// digest per drain, and the store's rows as n8n's Data Tables page shows them. Duplicates, malformed rows,
// concurrent claims, an expired lease, a row HubSpot keeps refusing, purging and a missing table too.
import {
	dataTableByName,
	dataTableRows,
	deleteDataTable,
	updateDataTableRows,
} from '../../../dev/stack/dataTables';
import {
	INTAKE_PATH,
	INTAKE_TABLE,
	runSetup,
	sendRows,
	SLUG,
} from '../../../dev/demos/01-clay-enrichment-to-hubspot';
import {
	addAccounts,
	CLAY_SECRET_HEADER,
	syntheticAccounts,
} from '../../../dev/demos/09-clay-enrichment-endpoint';
import { SANDBOX_WEBHOOK_SECRET } from '../../../dev/stack/credentials';
import { runFromTrigger, sandboxAdmin, slackMessages, waitFor } from '../../../dev/stack/support';
import { loadTemplates } from '../../../dev/stack/templates';
import { useTemplateStack, waitForWebhook } from '../helpers/templateStack';
import {
	QUEUE_DEAD_LETTERS_PATH,
	queueDeadLetters,
	SLUG as ERROR_HANDLER,
} from '../../../dev/demos/04-error-handler';

type QueueRow = {
	id: number;
	key: string;
	payload: string;
	state: string;
	attempts: number;
	available_at: number;
	claim: string | null;
	last_error: string | null;
	received_at: number;
	done_at: number;
};
type HubSpotRecord = { id: string; properties: Record<string, string | null> };
const NEVER = 8_640_000_000_000_000;
const LOCK_KEY = '__drain_lock__';

describe(`template ${SLUG}`, () => {
	// With template 04, which lists and replays the drain's dead letters.
	const t = useTemplateStack(SLUG, INTAKE_PATH, { workers: 2, with: [ERROR_HANDLER] });
	const admin = <T = any>(method: string, path: string, body?: unknown) =>
		sandboxAdmin<T>(t.stack.sandbox, method, path, body);
	const records = async (type: string) =>
		(await admin<{ results: HubSpotRecord[] }>('GET', `/hubspot/objects/${type}`)).results;
	const queue = async () =>
		(await dataTableRows<QueueRow>(t.stack.n8n, INTAKE_TABLE)).filter(
			(row) => row.key !== LOCK_KEY,
		);
	const hubspotCalls = async () =>
		(
			await admin<{ results: Array<{ status: number; path: string }> }>(
				'GET',
				'/requests?system=hubspot&limit=100000',
			)
		).results;
	/** Waits until no row of the store is pending or claimed (the schedule drains every 10 s). */
	const drained = async (timeoutMs = 120_000) =>
		await waitFor(
			'the intake store to be drained',
			async () => {
				const rows = await queue();
				return rows.every((row) => row.state === 'done' || row.state === 'dead') && rows;
			},
			timeoutMs,
		);
	const post = async (body: unknown, secret = SANDBOX_WEBHOOK_SECRET) =>
		await fetch(t.stack.n8n.webhookUrl(INTAKE_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [CLAY_SECRET_HEADER]: secret },
			body: JSON.stringify(body),
		});
	const ROWS = syntheticAccounts(200, 'intake');
	// Rows drained by the same drain share its ids; with a second copy of a row the store holds both.
	let rowIds: string[];

	test('the one-time setup creates the intake data table with the queue columns', async () => {
		const run = await runSetup(t.stack.n8n);
		expect(run.status).toBe('success');
		const table = await dataTableByName(t.stack.n8n, INTAKE_TABLE);
		expect(table).toBeDefined();
		const columns = await t.stack.n8n.rest<{ data: Array<{ name: string; type: string }> }>(
			'GET',
			`/rest/projects/${table!.projectId}/data-tables/${table!.id}/columns`,
		);
		expect(columns.data.map((c) => `${c.name}:${c.type}`)).toEqual([
			'key:string',
			'payload:string',
			'state:string',
			'attempts:number',
			'available_at:number',
			'claim:string',
			'last_error:string',
			'received_at:number',
			'done_at:number',
		]);
	});

	test('200 rows at Clay’s pace: each answered 202 once stored, then drained into HubSpot exactly once with one digest per drain', async () => {
		await admin('DELETE', '/requests');
		rowIds = await addAccounts(t.stack.sandbox.adminUrl, ROWS);
		const sent = await sendRows(t.stack.sandbox.adminUrl, t.stack.n8n, rowIds, {
			rowsPerSecond: 10,
			burst: 20,
			concurrency: 4,
		});
		expect(sent.results.map((r) => r.status)).toEqual(rowIds.map(() => 202));

		// Every answered row is in the store (whatever the drain has done with it since).
		const stored = await queue();
		expect(new Set(stored.map((row) => JSON.parse(row.payload).domain)).size).toBe(200);
		expect(stored).toHaveLength(200);

		const rows = await drained();
		expect(rows.map((row) => row.state)).toEqual(rows.map(() => 'done'));
		expect(
			rows.every((row) => row.available_at === NEVER && !row.claim && row.attempts === 1),
		).toBe(true);

		const companies = await records('companies');
		const contacts = await records('contacts');
		for (const account of ROWS) {
			const domain = String(account.Domain)
				.replace(/^https:\/\/www\./, '')
				.replace(/\/about$/, '');
			expect(companies.filter((c) => c.properties.domain === domain)).toHaveLength(1);
			expect(contacts.filter((c) => c.properties.email === account.Email)).toHaveLength(1);
		}

		// Batches, not rows: HubSpot calls per row and 429s, from the sandbox's own request log.
		const calls = await hubspotCalls();
		expect(calls.length / 200).toBeLessThanOrEqual(0.1);
		expect(calls.filter((call) => call.status === 429)).toEqual([]);

		// One digest per drain, listing every hot row once (i % 8 === 0 scores above 80).
		const digests = (await slackMessages(t.stack.sandbox, 'high-intent')).map((m) => m.text ?? '');
		const hot = ROWS.filter((_, i) => i % 8 === 0).map((row) => String(row.Company));
		const listed = digests.flatMap((text) => text.split('\n').slice(1));
		expect(listed).toHaveLength(hot.length);
		for (const name of hot)
			expect(listed.filter((line) => line.includes(`*${name}*`))).toHaveLength(1);
		expect(digests.length).toBeLessThan(hot.length);
	}, 300_000);

	test('a row delivered again is accepted (202) and settled without a second effect: no HubSpot call, no Slack line', async () => {
		const before = { rows: (await queue()).length, calls: (await hubspotCalls()).length };
		const messages = (await slackMessages(t.stack.sandbox, 'high-intent')).length;
		// Twice each: one copy drained after the first delivery was done, one a repeat inside the same claim.
		const send = () =>
			sendRows(t.stack.sandbox.adminUrl, t.stack.n8n, rowIds.slice(0, 16), { concurrency: 4 });
		const again = await Promise.all([send(), send()]);
		expect(again.flatMap((run) => run.results.map((r) => r.status))).toEqual(Array(32).fill(202));
		const rows = await drained();
		expect(rows.length).toBe(before.rows + 32);
		expect(rows.every((row) => row.state === 'done')).toBe(true);
		expect((await hubspotCalls()).length).toBe(before.calls);
		expect((await slackMessages(t.stack.sandbox, 'high-intent')).length).toBe(messages);
	}, 180_000);

	test('a malformed row gets a 422 naming the field and is never stored; a wrong secret a 401', async () => {
		const before = (await queue()).length;
		const bad = await post({ domain: 'malformed.example', intent: 'very' });
		expect(bad.status).toBe(422);
		expect(JSON.stringify(await bad.json())).toContain('intent');
		expect((await post({ domain: 'forged.example', intent: 50 }, 'wrong')).status).toBe(401);
		expect((await queue()).length).toBe(before);
		expect((await queue()).some((row) => row.payload.includes('malformed.example'))).toBe(false);
	});

	test('a claim whose drain died is taken again once its lease has expired, not before', async () => {
		const now = Date.now();
		const table = await dataTableByName(t.stack.n8n, INTAKE_TABLE);
		const row = (domain: string, availableAt: number) => ({
			key: `lease-${domain}`,
			payload: JSON.stringify({ domain, name: domain, intent: 40, fit: 40 }),
			state: 'claimed',
			attempts: 0,
			available_at: availableAt,
			claim: 'a-drain-that-was-killed',
			last_error: '',
			received_at: now - 600_000,
			done_at: 0,
		});
		await t.stack.n8n.rest(
			'POST',
			`/rest/projects/${table!.projectId}/data-tables/${table!.id}/insert`,
			{
				data: [
					row('expired-lease.example', now - 1000),
					row('live-lease.example', now + 3_600_000),
				],
				returnType: 'id',
			},
		);
		const expired = await waitFor('the expired claim to be drained', async () => {
			const found = (await queue()).find((r) => r.key === 'lease-expired-lease.example');
			return found?.state === 'done' && found;
		});
		expect(expired.claim).toBeFalsy();
		expect(
			(await records('companies')).some((c) => c.properties.domain === 'expired-lease.example'),
		).toBe(true);
		const live = (await queue()).find((r) => r.key === 'lease-live-lease.example')!;
		expect(live).toMatchObject({ state: 'claimed', claim: 'a-drain-that-was-killed' });
		expect(
			(await records('companies')).some((c) => c.properties.domain === 'live-lease.example'),
		).toBe(false);
		await updateDataTableRows(
			t.stack.n8n,
			INTAKE_TABLE,
			{ id: live.id },
			{ state: 'done', available_at: NEVER },
		);
	}, 120_000);

	test('two drains claiming at once never take the same row', async () => {
		// The template's claim steps alone (no drain lock), on a table of their own, run twice at the same time.
		const template = loadTemplates().find((tpl) => tpl.slug === SLUG)!.workflow;
		const raceTable = 'revops_claim_race';
		const steps = ['Start drain', 'Due rows', 'Claim them', 'Open claimed rows'];
		const nodes = [
			{
				parameters: {},
				name: 'Claim now',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			...template.nodes
				.filter((node: any) => steps.includes(node.name))
				.map((node: any) => {
					const copy = JSON.parse(JSON.stringify(node));
					if (copy.parameters.dataTableId) copy.parameters.dataTableId.value = raceTable;
					if (copy.name === 'Start drain') copy.parameters.batchSize = 1000;
					return copy;
				}),
		];
		const connections = Object.fromEntries(
			['Claim now', ...steps.slice(0, -1)].map((from, i) => [
				from,
				{ main: [[{ node: steps[i], type: 'main', index: 0 }]] },
			]),
		);
		const created = await t.stack.n8n.api<{ id: string }>('POST', '/workflows', {
			name: 'claim race',
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
		});
		const setupNode: any = template.nodes.find(
			(node: any) => node.name === 'Create the intake table',
		);
		const table = await t.stack.n8n.rest<{ data: { id: string; projectId: string } }>(
			'POST',
			`/rest/projects/${(await dataTableByName(t.stack.n8n, INTAKE_TABLE))!.projectId}/data-tables`,
			{ name: raceTable, columns: setupNode.parameters.columns.column },
		);
		const now = Date.now();
		await t.stack.n8n.rest(
			'POST',
			`/rest/projects/${table.data.projectId}/data-tables/${table.data.id}/insert`,
			{
				data: Array.from({ length: 300 }, (_, i) => ({
					key: `race-${i}`,
					payload: JSON.stringify({ n: i }),
					state: 'pending',
					attempts: 0,
					available_at: now - 1000,
					claim: '',
					last_error: '',
					received_at: now,
					done_at: 0,
				})),
				returnType: 'id',
			},
		);

		const finished = await Promise.all(
			[1, 2, 3].map(() => runFromTrigger(t.stack.n8n, created.id, 'Claim now')),
		);
		const runs = await Promise.all(
			finished.map((run) => t.stack.n8n.api<any>('GET', `/executions/${run.id}?includeData=true`)),
		);
		const claimedBy = runs.map((run: any) => {
			expect(run.status).toBe('success');
			const out = run.data?.resultData?.runData?.['Open claimed rows']?.[0]?.data?.main?.[0] ?? [];
			return out.map((item: any) => item.json.n as number);
		});
		const all = claimedBy.flat();
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
		const stored = await dataTableRows<QueueRow>(t.stack.n8n, raceTable);
		expect(new Set(stored.map((row) => row.claim)).size).toBeLessThanOrEqual(3);
		expect(stored.every((row) => row.state === 'claimed')).toBe(true);
	}, 120_000);

	test('a row HubSpot keeps refusing is retried with a growing backoff, then parked as a dead letter with an alert', async () => {
		await admin('PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 1,
			systems: ['hubspot'],
			pathPattern: '/companies/batch/upsert',
		});
		try {
			const response = await post({
				domain: 'refused.example',
				name: 'Refused Inc',
				intent: 90,
				fit: 90,
			});
			expect(response.status).toBe(202);
			const waits: number[] = [];
			for (let attempt = 1; attempt <= 4; attempt++) {
				const failed = await waitFor(`attempt ${attempt} to fail`, async () => {
					const row = (await queue()).find((r) => r.payload.includes('refused.example'));
					return row && row.state === 'pending' && row.attempts === attempt && row;
				});
				expect(failed.last_error).toBeTruthy();
				waits.push(Math.round((failed.available_at - Date.now()) / 1000));
				// Skip the backoff so the test does not wait minutes: the row is due now.
				await updateDataTableRows(
					t.stack.n8n,
					INTAKE_TABLE,
					{ id: failed.id },
					{ available_at: 0 },
				);
			}
			// 30 s, 60 s, 120 s, 240 s (less the seconds since the drain settled the row).
			expect(waits.map((w, i) => w > 30 * 2 ** i - 15 && w <= 30 * 2 ** i)).toEqual([
				true,
				true,
				true,
				true,
			]);
			const dead = await waitFor('the row to be parked', async () => {
				const row = (await queue()).find((r) => r.payload.includes('refused.example'));
				return row?.state === 'dead' && row;
			});
			expect(dead.attempts).toBe(5);
			expect(dead.available_at).toBe(NEVER);
			const alert = await waitFor('the dead-letter alert', async () =>
				(await slackMessages(t.stack.sandbox, 'revops-alerts')).find((m) =>
					m.text?.includes('refused.example'),
				),
			);
			expect(alert.text).toContain('after 5 attempts');
			expect(alert.text).toContain(dead.last_error!.slice(0, 40));
		} finally {
			await admin('DELETE', '/faults');
		}
		// Template 04 lists the dead letter (reason, row as received) and replays it: it goes through.
		const dead = (await queue()).find((r) => r.payload.includes('refused.example'))!;
		await waitForWebhook(t.stack.n8n, QUEUE_DEAD_LETTERS_PATH);
		const listed = await queueDeadLetters(t.ctx, { queue: INTAKE_TABLE, action: 'list' });
		expect(listed.status).toBe(200);
		expect(listed.body.rows.filter((r) => r.id === dead.id)).toEqual([
			expect.objectContaining({
				state: 'dead',
				attempts: 5,
				lastError: dead.last_error,
				row: expect.objectContaining({ domain: 'refused.example', name: 'Refused Inc' }),
			}),
		]);
		const replayed = await queueDeadLetters(t.ctx, {
			queue: INTAKE_TABLE,
			action: 'replay',
			ids: [dead.id],
		});
		expect(replayed.body).toMatchObject({
			count: 1,
			rows: [expect.objectContaining({ id: dead.id, state: 'pending', attempts: 0 })],
		});
		await waitFor('the replayed row to be done', async () =>
			(await queue()).some((r) => r.id === dead.id && r.state === 'done'),
		);
		expect(
			(await records('companies')).filter((c) => c.properties.domain === 'refused.example'),
		).toHaveLength(1);
	}, 300_000);

	test('done rows are purged after the retention window; pending and dead rows stay', async () => {
		const rows = await queue();
		const old = rows.filter((row) => row.state === 'done').slice(0, 50);
		for (const row of old)
			await updateDataTableRows(t.stack.n8n, INTAKE_TABLE, { id: row.id }, { done_at: 1 });
		await waitFor('the old done rows to be purged', async () => {
			const ids = new Set((await queue()).map((row) => row.id));
			return old.every((row) => !ids.has(row.id));
		});
		expect((await queue()).length).toBe(rows.length - 50);
	}, 120_000);

	test('a missing intake table: the sender gets a 500 naming the table and its columns, and the next drain creates it', async () => {
		await deleteDataTable(t.stack.n8n, INTAKE_TABLE);
		const response = await post({ domain: 'after-delete.example', intent: 60 });
		expect(response.status).toBe(500);
		const body = (await response.json()) as { error: string; action: string };
		expect(body.error).toContain(INTAKE_TABLE);
		expect(body.action).toContain('available_at (number)');
		await waitFor(
			'the drain to create the table again',
			async () => !!(await dataTableByName(t.stack.n8n, INTAKE_TABLE)),
		);
		expect((await post({ domain: 'after-delete.example', intent: 60 })).status).toBe(202);
	}, 120_000);
});
