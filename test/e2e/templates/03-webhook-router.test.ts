// Template 03 in a real n8n against the sandbox (HubSpot, Slack through the HTTPS proxy) and the warehouse
// PostgreSQL: a verified event is stored in the warehouse queue before it is answered, and the drain routes
// each type to its own destination and nowhere else; an unknown type is logged with its payload; a failed
// HubSpot write is logged, retried with backoff and parked as a dead letter with an alert; forged and tampered
// requests are refused and store nothing; a redelivered event — one after another, or many at once (in queue
// mode, across the webhook processor and the workers) — has exactly one effect.
import demo, {
	DEMO_EVENTS,
	eventRequest,
	loggedEvents,
	QUEUE,
	sendEvent,
	SLUG,
	WEBHOOK_PATH,
	type SentEvent,
} from '../../../dev/demos/03-webhook-router';
import {
	QUEUE_DEAD_LETTERS_PATH,
	queueDeadLetters,
	SLUG as ERROR_HANDLER,
} from '../../../dev/demos/04-error-handler';
import { send } from '../../../dev/stack/signed';
import { rowKey } from '../../../nodes/shared/queue';
import { executionsOf, sandboxAdmin, slackMessages, waitFor } from '../../../dev/stack/support';
import { useTemplateStack, waitForWebhook } from '../helpers/templateStack';

jest.setTimeout(180000);

interface LogRow {
	event: string;
	record_id: string;
	status: string;
	metadata: any;
}

describe('template 03: webhook router', () => {
	// With template 04, which lists and replays the router's dead letters.
	const t = useTemplateStack(SLUG, WEBHOOK_PATH, { with: [ERROR_HANDLER] });
	let sent: SentEvent[];

	const byType = (type: string) => sent.find((e) => e.type === type)!;
	const contacts = async () =>
		(
			await sandboxAdmin<{ results: Array<{ id: string; properties: Record<string, string> }> }>(
				t.stack.sandbox,
				'GET',
				'/hubspot/objects/contacts',
			)
		).results;
	const storedEvents = () =>
		t.stack.warehouse.query<{
			event_id: string;
			event_type: string;
			customer_email: string;
			amount: number;
			currency: string;
			payload: any;
		}>(
			'SELECT event_id, event_type, customer_email, amount::float8 AS amount, currency, payload FROM webhook_events ORDER BY received_at',
		);
	const logRows = () =>
		t.stack.warehouse.query<LogRow>(
			`SELECT event, record_id, status, metadata FROM workflow_log WHERE workflow = '${SLUG}' ORDER BY id`,
		);

	const queueRows = () =>
		t.stack.warehouse.query<{
			id: number;
			key: string;
			state: string;
			attempts: number;
			available_at: number;
			last_error: string;
		}>(
			`SELECT id, key, state, attempts, available_at, last_error FROM revops_queue WHERE queue = '${QUEUE}' ORDER BY id`,
		);
	// The template keys an event by its verified id (Prepare the event → Key Fields: eventId).
	const keyOf = (eventId: string) => rowKey({ eventId }, ['eventId']);
	const webhookRuns = async () =>
		(await executionsOf(t.stack.n8n, t.workflowId)).filter((run) => run.mode === 'webhook');

	test('each event type lands in its destination, and only there', async () => {
		sent = (await demo.run(t.ctx)) as SentEvent[];
		expect(sent.map((e) => e.answer)).toEqual(
			DEMO_EVENTS.map(() => ({ status: 200, body: { received: true } })),
		);
		// Stored before answered, one row per event id; the drain has settled each one done.
		await waitFor('the four events settled', () =>
			queueRows().filter((row) => row.state === 'done').length === 4 ? true : undefined,
		);
		expect(queueRows().map((row) => row.key)).toEqual(sent.map((e) => keyOf(e.id)));

		// lead.qualified → a sales-qualified contact in HubSpot.
		const lead = byType('lead.qualified').data;
		const all = await contacts();
		expect(all).toHaveLength(1);
		expect(all[0].properties).toMatchObject({
			email: lead.email,
			firstname: lead.firstname,
			lastname: lead.lastname,
			company: lead.company,
			jobtitle: lead.jobtitle,
			lifecyclestage: 'salesqualifiedlead',
			hs_lead_status: 'OPEN',
		});

		// deal.won → one message in #revops-events, none elsewhere from this workflow.
		const deal = byType('deal.won').data;
		const posted = await slackMessages(t.stack.sandbox, 'revops-events');
		expect(posted).toHaveLength(1);
		expect(posted[0].text).toContain(String(deal.dealName));
		expect(posted[0].text).toContain(
			`${Number(deal.amount).toLocaleString('en-US')} ${deal.currency}`,
		);
		expect(await slackMessages(t.stack.sandbox, 'revops-alerts')).toEqual([]);

		// invoice.paid → one row in the warehouse, keyed by its webhook-id.
		const invoice = byType('invoice.paid');
		expect(storedEvents()).toEqual([
			{
				event_id: invoice.id,
				event_type: 'invoice.paid',
				customer_email: invoice.data.customerEmail,
				amount: invoice.data.amount,
				currency: invoice.data.currency,
				payload: invoice.data,
			},
		]);

		// Every routed event is logged as a success naming its destination; the unknown type as skipped.
		const log = logRows();
		const routed = log.filter((r) => r.event === 'webhook_routed');
		expect(
			routed.map((r) => [r.record_id, r.status, r.metadata.type, r.metadata.destination]).sort(),
		).toEqual(
			[
				[byType('lead.qualified').id, 'success', 'lead.qualified', 'Update contact in HubSpot'],
				[byType('deal.won').id, 'success', 'deal.won', 'Post to #revops-events'],
				[invoice.id, 'success', 'invoice.paid', 'Store invoice event'],
			].sort(),
		);
		const unknown = byType('subscription.paused');
		expect(log.filter((r) => r.event === 'webhook_unrouted')).toEqual([
			{
				event: 'webhook_unrouted',
				record_id: unknown.id,
				status: 'skipped',
				metadata: expect.objectContaining({ type: 'subscription.paused', data: unknown.data }),
			},
		]);
		expect(log).toHaveLength(DEMO_EVENTS.length);
		// Nothing turned red: the intake runs and the drains all succeeded.
		const runs = await executionsOf(t.stack.n8n, t.workflowId);
		expect(runs.filter((run) => run.status === 'error')).toEqual([]);
	});

	test('a lead HubSpot cannot take is logged, retried with backoff, then parked with an alert', async () => {
		const noEmail = await sendEvent(t.ctx, {
			type: 'lead.qualified',
			data: { firstname: 'No', lastname: 'Email' },
		});
		expect(noEmail.answer).toEqual({ status: 200, body: { received: true } });
		const [failed] = await loggedEvents(t.ctx, [noEmail.id]);
		expect(failed).toMatchObject({ event: 'webhook_failed', status: 'failure' });
		expect(failed.metadata).toMatchObject({
			type: 'lead.qualified',
			destination: 'hubspot',
			attempt: 1,
		});
		expect(failed.metadata.error).toMatch(/email/i);
		// Still queued: due again after the first backoff (30 s), with the reason.
		const row = await waitFor('the failed attempt settled', () =>
			queueRows().find((r) => r.key === keyOf(noEmail.id) && r.attempts === 1),
		);
		expect(row.state).toBe('pending');
		expect(row.last_error).toMatch(/email/i);
		expect(Number(row.available_at) - Date.now()).toBeGreaterThan(5_000);
		expect(Number(row.available_at) - Date.now()).toBeLessThanOrEqual(30_000);

		// Its last attempt (the 5th) fails too: parked as a dead letter, and #revops-alerts says so.
		t.stack.warehouse.exec(
			`UPDATE revops_queue SET attempts = 4, available_at = 0 WHERE id = ${row.id} AND state = 'pending'`,
		);
		const [alert] = await waitFor('the dead-letter alert', async () => {
			const alerts = await slackMessages(t.stack.sandbox, 'revops-alerts');
			return alerts.length ? alerts : undefined;
		});
		expect(alert.text).toContain(noEmail.id);
		expect(alert.text).toContain('after 5 attempts');
		expect(alert.text).toMatch(/email/i);
		expect(queueRows().find((r) => r.id === row.id)).toMatchObject({ state: 'dead', attempts: 5 });
		expect(await contacts()).toHaveLength(1);

		// Template 04 lists the dead letter with its reason and the event as received, and replays it.
		await waitForWebhook(t.stack.n8n, QUEUE_DEAD_LETTERS_PATH);
		const listed = await queueDeadLetters(t.ctx, { queue: QUEUE, action: 'list' });
		expect(listed.status).toBe(200);
		expect(listed.body.count).toBe(1);
		expect(listed.body.rows[0]).toMatchObject({
			id: Number(row.id),
			state: 'dead',
			attempts: 5,
			row: { eventId: noEmail.id, type: 'lead.qualified', data: { firstname: 'No' } },
		});
		expect(listed.body.rows[0].lastError).toMatch(/email/i);
		const replayed = await queueDeadLetters(t.ctx, {
			queue: QUEUE,
			action: 'replay',
			ids: [Number(row.id)],
		});
		expect(replayed.body).toMatchObject({
			count: 1,
			rows: [expect.objectContaining({ id: Number(row.id), state: 'pending', attempts: 0 })],
		});
		// The next drain takes it again; still without an email, HubSpot refuses it: a new first attempt.
		const again = await loggedEvents(t.ctx, [noEmail.id], 3);
		expect(again.at(-1)!.metadata).toMatchObject({ destination: 'hubspot', attempt: 1 });
		expect((await queueDeadLetters(t.ctx, { queue: QUEUE, action: 'list' })).body.count).toBe(0);
		const runs = await executionsOf(t.stack.n8n, t.workflowId);
		expect(runs.filter((run) => run.status === 'error')).toEqual([]);
	});

	test('forged and tampered requests are refused and store nothing; a redelivery has no second effect', async () => {
		const webhooksBefore = (await webhookRuns()).length;
		const storedBefore = queueRows().length;
		const forged = await send(
			eventRequest(t.ctx, DEMO_EVENTS[1], {
				secret: `whsec_${Buffer.from('an-attacker-s-own-key').toString('base64')}`,
			}),
		);
		expect(forged).toEqual({ status: 401, body: { error: 'signature mismatch' } });

		const genuine = eventRequest(t.ctx, DEMO_EVENTS[2]);
		const tampered = await send({
			...genuine,
			body: genuine.body.replace('"amount":4000', '"amount":1'),
		});
		expect(tampered).toEqual({ status: 401, body: { error: 'signature mismatch' } });
		expect((await webhookRuns()).length).toBe(webhooksBefore);
		expect(queueRows()).toHaveLength(storedBefore);

		// The paid invoice of the first test, delivered again with its webhook-id (a sender's retry, or a replay):
		// answered 2xx so the sender stops, stored once, routed once.
		const invoice = byType('invoice.paid');
		const again = await send(eventRequest(t.ctx, DEMO_EVENTS[2], { id: invoice.id }));
		expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
		expect(queueRows()).toHaveLength(storedBefore);

		// A new event delivered ten times at once (a sender retrying on a timeout, across processes in queue
		// mode): one delivery stores it, the others are told it is a duplicate, and it is posted once.
		const burst = eventRequest(t.ctx, {
			type: 'deal.won',
			data: { ...DEMO_EVENTS[1].data, dealName: 'Burst Ltd, Team plan' },
		});
		const answers = await Promise.all(Array.from({ length: 10 }, () => send(burst)));
		expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
		expect(answers.filter((a) => !(a.body as { duplicate?: boolean }).duplicate)).toHaveLength(1);
		await loggedEvents(t.ctx, [burst.headers['webhook-id']]);
		expect(
			(await slackMessages(t.stack.sandbox, 'revops-events')).filter((m) =>
				m.text?.includes('Burst Ltd'),
			),
		).toHaveLength(1);
		expect(storedEvents()).toHaveLength(1);
		expect(logRows().filter((r) => r.record_id === invoice.id)).toHaveLength(1);
		expect(queueRows()).toHaveLength(storedBefore + 1);
	});

	test('with the queue table missing, events are refused 500 naming it, and an alert goes out once', async () => {
		t.stack.warehouse.exec('ALTER TABLE revops_queue RENAME TO revops_queue_away');
		try {
			const first = await sendEvent(t.ctx, DEMO_EVENTS[0]);
			const second = await sendEvent(t.ctx, DEMO_EVENTS[1]);
			for (const { answer } of [first, second])
				expect(answer).toEqual({
					status: 500,
					body: {
						error: expect.stringContaining('revops_queue'),
						action: expect.stringContaining('workflows/sql/01-revops-queue.sql'),
					},
				});
			const alerts = await waitFor('the intake alert', async () => {
				const all = (await slackMessages(t.stack.sandbox, 'revops-alerts')).filter((m) =>
					m.text?.includes('refusing events'),
				);
				return all.length ? all : undefined;
			});
			expect(alerts).toHaveLength(1);
			expect(alerts[0].text).toContain('revops_queue');
		} finally {
			t.stack.warehouse.exec('ALTER TABLE revops_queue_away RENAME TO revops_queue');
		}
		// Once the table is back, the sender's retry of the same event is stored and routed.
		const retried = await sendEvent(t.ctx, DEMO_EVENTS[3], { id: 'msg_retry_after_outage' });
		expect(retried.answer).toEqual({ status: 200, body: { received: true } });
		await loggedEvents(t.ctx, ['msg_retry_after_outage']);
	});
});
