// Demo of template 02: a contact whose earlier visits came from three campaigns submits a form (the fourth
// touch); HubSpot posts its webhook, signed with v3, to the template, which credits the journey 40/20/40,
// writes the result on the contact and upserts one warehouse row per campaign. The sandbox HubSpot is seeded
// with the contact and its touchpoint history (the UTM properties' past values), as HubSpot would hold them.
import { randomBytes, randomInt } from 'node:crypto';
import { PORTAL_ID } from '../../sandbox/hubspot/schema';
import { send, signedRequest, type Answer, type SignOptions } from '../stack/signed';
import { sandboxAdmin } from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';

export const SLUG = '02-multi-touch-attribution';
export const WEBHOOK_PATH = 'hubspot-form-submission';
const DAY_MS = 24 * 60 * 60 * 1000;

const text = (name: string, label: string, extra: object = {}) => ({
	name,
	label,
	type: 'string',
	fieldType: 'text',
	groupName: 'contactinformation',
	...extra,
});

/** Contact properties the template reads (the forms' UTM hidden fields) and writes (its result). */
export const ATTRIBUTION_PROPERTIES = [
	text('utm_medium', 'UTM medium'),
	text('utm_campaign', 'UTM campaign'),
	text('revops_attribution_model', 'Attribution model'),
	text('revops_first_touch_campaign', 'First-touch campaign'),
	text('revops_last_touch_campaign', 'Last-touch campaign'),
	text('revops_campaign_credits', 'Campaign credits', { fieldType: 'textarea' }),
	text('revops_attribution_touches', 'Attributed touches', { type: 'number', fieldType: 'number' }),
	text('revops_attributed_at', 'Attributed conversion', { type: 'datetime', fieldType: 'date' }),
];

export interface Touch {
	/** Days before the form submission; 0 is the submission itself. */
	daysBefore: number;
	medium: string;
	campaign: string;
}

/** Social launch ad, then a newsletter, then a brand search, then the webinar form: the conversion. */
export const DEMO_JOURNEY: Touch[] = [
	{ daysBefore: 45, medium: 'paid_social', campaign: 'linkedin-launch' },
	{ daysBefore: 30, medium: 'email', campaign: 'newsletter-oct' },
	{ daysBefore: 12, medium: 'paid_search', campaign: 'brand-search' },
	{ daysBefore: 0, medium: 'webinar', campaign: 'demo-webinar' },
];

export interface SeededContact {
	contactId: string;
	email: string;
	/** When the form was submitted (epoch ms): the webhook's occurredAt. */
	submittedAt: number;
}

/**
 * Creates the template's contact properties (idempotent) and a contact whose UTM properties took the
 * journey's values at their times, the last one just before `submittedAt`, as form submissions set them.
 */
export async function seedContact(
	ctx: DemoContext,
	journey: Touch[],
	options: { email?: string; submittedAt?: number } = {},
): Promise<SeededContact> {
	const email = options.email ?? `visitor-${randomBytes(4).toString('hex')}@example.com`;
	const submittedAt = options.submittedAt ?? Date.now();
	const formId = 'a1b2c3d4-0000-4000-8000-00000000f0a1';
	const seeded = await sandboxAdmin<{ hubspot: { contacts: string[] } }>(
		ctx.sandbox,
		'POST',
		'/seed',
		{
			hubspot: {
				properties: { contacts: ATTRIBUTION_PROPERTIES },
				records: { contacts: [{ email, firstname: 'Demo', lastname: 'Visitor' }] },
				history: journey.map((touch) => ({
					record: { type: 'contacts', index: 0 },
					// The submission's own values are written a moment before HubSpot reports the conversion.
					at: submittedAt - touch.daysBefore * DAY_MS - 1000,
					values: { utm_medium: touch.medium, utm_campaign: touch.campaign },
					sourceType: 'FORM',
					sourceId: formId,
				})),
			},
		},
	);
	return { contactId: seeded.hubspot.contacts[0], email, submittedAt };
}

/** What HubSpot's Webhooks API posts when a contact's recent_conversion_date changes (a form submission). */
export function formSubmissionEvent(contactId: string, submittedAt: number) {
	return {
		eventId: randomInt(1, 2 ** 31),
		subscriptionId: 2418801,
		portalId: PORTAL_ID,
		appId: 1160452,
		occurredAt: submittedAt,
		subscriptionType: 'contact.propertyChange',
		attemptNumber: 0,
		objectId: Number(contactId),
		propertyName: 'recent_conversion_date',
		propertyValue: String(submittedAt),
		changeSource: 'FORM',
		sourceId: 'a1b2c3d4-0000-4000-8000-00000000f0a1',
	};
}

/** Posts HubSpot's webhook (a batch of events) to the template, signed with v3 for the URL n8n receives. */
export async function postHubSpotWebhook(
	ctx: DemoContext,
	events: object[],
	options: SignOptions = {},
): Promise<Answer> {
	return await send(signedRequest('hubspotV3', ctx.n8n.webhookUrl(WEBHOOK_PATH), events, options));
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'A contact with three earlier campaign touches submits a form: position-based credit lands on the contact and in the warehouse',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run(ctx) {
		const contact = await seedContact(ctx, DEMO_JOURNEY);
		const answer = await postHubSpotWebhook(ctx, [
			formSubmissionEvent(contact.contactId, contact.submittedAt),
		]);
		return { ...contact, answer };
	},
};

export default demo;
