// Demo of template 03: a product/billing system posts four events to the router, signed with Standard
// Webhooks: a qualified lead (→ HubSpot contact), a won deal (→ Slack #revops-events), a paid invoice
// (→ warehouse table webhook_events) and a type the router does not know (→ a `skipped` workflow_log row).
// The router answers once an event is stored; its drain routes it within seconds (one workflow_log row each).
import { randomBytes } from 'node:crypto';
import {
	send,
	signedRequest,
	type Answer,
	type SignedRequest,
	type SignOptions,
} from '../stack/signed';
import { waitFor } from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';

export const SLUG = '03-webhook-router';
export const WEBHOOK_PATH = 'revops-events';
/** The queue the router stores events in (workflows/sql/01-revops-queue.sql). */
export const QUEUE = 'webhook-events';

export interface RouterEvent {
	type: string;
	data: Record<string, unknown>;
}

export const DEMO_EVENTS: RouterEvent[] = [
	{
		type: 'lead.qualified',
		data: {
			email: 'grace@hopperlabs.example',
			firstname: 'Grace',
			lastname: 'Hopper',
			company: 'Hopper Labs',
			jobtitle: 'VP Engineering',
		},
	},
	{
		type: 'deal.won',
		data: {
			dealName: 'Hopper Labs, Enterprise plan',
			company: 'Hopper Labs',
			amount: 48000,
			currency: 'USD',
			owner: 'Ada Lovelace',
		},
	},
	{
		type: 'invoice.paid',
		data: {
			invoiceId: 'in_1001',
			customerEmail: 'billing@hopperlabs.example',
			amount: 4000,
			currency: 'USD',
		},
	},
	{ type: 'subscription.paused', data: { subscriptionId: 'sub_42', reason: 'seasonal' } },
];

/** A new Standard Webhooks message id, as a sender gives each event (`msg_…`). */
export const messageId = () => `msg_${randomBytes(12).toString('hex')}`;

/** The event as its sender posts it: `{type, timestamp, data}`, signed with Standard Webhooks. */
export function eventRequest(
	ctx: DemoContext,
	event: RouterEvent,
	options: SignOptions = {},
): SignedRequest {
	const payload = { type: event.type, timestamp: new Date().toISOString(), data: event.data };
	return signedRequest('standardWebhooks', ctx.n8n.webhookUrl(WEBHOOK_PATH), payload, {
		id: messageId(),
		...options,
	});
}

export interface SentEvent extends RouterEvent {
	/** The webhook-id it was sent with. */
	id: string;
	answer: Answer;
}

export async function sendEvent(
	ctx: DemoContext,
	event: RouterEvent,
	options: SignOptions = {},
): Promise<SentEvent> {
	const request = eventRequest(ctx, event, options);
	return { ...event, id: request.headers['webhook-id'], answer: await send(request) };
}

/** The workflow_log rows of these event ids, once each has as many as `perEvent` (the drain runs every 10 s). */
export async function loggedEvents(
	ctx: DemoContext,
	ids: string[],
	perEvent = 1,
	timeoutMs = 90_000,
): Promise<Array<{ event: string; record_id: string; status: string; metadata: any }>> {
	const list = ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
	return await waitFor(
		`workflow_log rows for ${ids.length} event(s)`,
		() => {
			const rows = ctx.warehouse.query<{
				event: string;
				record_id: string;
				status: string;
				metadata: any;
			}>(
				`SELECT event, record_id, status, metadata FROM workflow_log WHERE workflow = '${SLUG}' AND record_id IN (${list}) ORDER BY id`,
			);
			return ids.every((id) => rows.filter((r) => r.record_id === id).length >= perEvent) && rows;
		},
		timeoutMs,
	);
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Four signed events: a lead to HubSpot, a won deal to Slack #revops-events, an invoice to the warehouse, an unknown type to the log',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run(ctx) {
		const sent: SentEvent[] = [];
		for (const event of DEMO_EVENTS) sent.push(await sendEvent(ctx, event));
		await loggedEvents(
			ctx,
			sent.filter((e) => e.answer.status === 200).map((e) => e.id),
		);
		return sent;
	},
};

export default demo;
