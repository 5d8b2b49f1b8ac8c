// Demo of template 03: a product/billing system posts four events to the router, signed with Standard
// Webhooks: a qualified lead (→ HubSpot contact), a won deal (→ Slack #revops-events), a paid invoice
// (→ warehouse table webhook_events) and a type the router does not know (→ a `skipped` workflow_log row).
import { randomBytes } from 'node:crypto';
import {
	send,
	signedRequest,
	type Answer,
	type SignedRequest,
	type SignOptions,
} from '../stack/signed';
import type { DemoContext, TemplateDemo } from '../stack/templates';

export const SLUG = '03-webhook-router';
export const WEBHOOK_PATH = 'revops-events';

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

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Four signed events: a lead to HubSpot, a won deal to Slack #revops-events, an invoice to the warehouse, an unknown type to the log',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run(ctx) {
		const sent: SentEvent[] = [];
		for (const event of DEMO_EVENTS) sent.push(await sendEvent(ctx, event));
		return sent;
	},
};

export default demo;
