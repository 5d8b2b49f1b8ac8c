// Template 03 in a real n8n against the sandbox (HubSpot, Slack through the HTTPS proxy) and the warehouse
// PostgreSQL: each signed event type lands in its own destination and nowhere else, an unknown type is
// logged with its payload, a failed HubSpot write is logged as a failure, and forged, tampered or replayed
// requests are refused and start nothing.
import demo, {
	DEMO_EVENTS,
	eventRequest,
	sendEvent,
	SLUG,
	WEBHOOK_PATH,
	type SentEvent,
} from '../../../dev/demos/03-webhook-router';
import { send } from '../../../dev/stack/signed';
import { executionsOf, sandboxAdmin, slackMessages } from '../../../dev/stack/support';
import { settledExecutions, useTemplateStack } from '../helpers/templateStack';

jest.setTimeout(120000);

interface LogRow {
	event: string;
	record_id: string;
	status: string;
	metadata: any;
}

describe('template 03: webhook router', () => {
	const t = useTemplateStack(SLUG, WEBHOOK_PATH);
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

	test('each event type lands in its destination, and only there', async () => {
		sent = (await demo.run(t.ctx)) as SentEvent[];
		expect(sent.map((e) => e.answer)).toEqual(
			DEMO_EVENTS.map(() => ({ status: 200, body: { received: true } })),
		);
		const runs = await settledExecutions(t.stack.n8n, t.workflowId, DEMO_EVENTS.length);
		expect(runs.map((r) => r.status)).toEqual(DEMO_EVENTS.map(() => 'success'));

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
	});

	test('a lead HubSpot cannot take is logged as a failure, not lost', async () => {
		const before = (await executionsOf(t.stack.n8n, t.workflowId)).length;
		const noEmail = await sendEvent(t.ctx, {
			type: 'lead.qualified',
			data: { firstname: 'No', lastname: 'Email' },
		});
		expect(noEmail.answer.status).toBe(200);
		const [run] = await settledExecutions(t.stack.n8n, t.workflowId, before + 1);
		expect(run.status).toBe('success');
		const failed = logRows().filter((r) => r.record_id === noEmail.id);
		expect(failed).toEqual([
			expect.objectContaining({ event: 'webhook_failed', status: 'failure' }),
		]);
		expect(failed[0].metadata).toMatchObject({ type: 'lead.qualified', destination: 'hubspot' });
		expect(failed[0].metadata.error).toMatch(/email/i);
		expect(await contacts()).toHaveLength(1);
	});

	test('forged, tampered and replayed requests are refused and start no execution', async () => {
		const before = (await executionsOf(t.stack.n8n, t.workflowId)).length;
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

		// The paid invoice of the first test, redelivered with its webhook-id: a replay.
		const replay = await send(
			eventRequest(t.ctx, DEMO_EVENTS[2], { id: byType('invoice.paid').id }),
		);
		expect(replay.status).toBe(409);

		// A genuine event sent after them settles as the only new execution.
		const next = await sendEvent(t.ctx, DEMO_EVENTS[3]);
		expect(next.answer.status).toBe(200);
		const runs = await settledExecutions(t.stack.n8n, t.workflowId, before + 1);
		expect(runs).toHaveLength(before + 1);
		expect(await slackMessages(t.stack.sandbox, 'revops-events')).toHaveLength(1);
		expect(storedEvents()).toHaveLength(1);
	});
});
