// Template 02 in a real n8n against the sandbox HubSpot and the warehouse PostgreSQL: HubSpot's signed
// form-submission webhook → the contact's touchpoint history → position-based credit (40/20/40) on the
// contact in HubSpot and one warehouse row per conversion and campaign, re-runs idempotent, every run
// logged; a forged webhook is refused and runs nothing.
import demo, {
	DEMO_JOURNEY,
	formSubmissionEvent,
	postHubSpotWebhook,
	seedContact,
	SLUG,
	WEBHOOK_PATH,
	type SeededContact,
	type Touch,
} from '../../../dev/demos/02-multi-touch-attribution';
import { executionsOf, sandboxAdmin } from '../../../dev/stack/support';
import { settledExecutions, useTemplateStack } from '../helpers/templateStack';

jest.setTimeout(120000);

const MODEL = 'position_based_40_20_40';

/**
 * Each campaign's share of one conversion under the position-based rule (REFERENCE.md §7): one touch
 * gets everything, two get half each, otherwise 40 % first, 40 % last and 20 % split over the middle.
 */
function positionBasedShares(journey: Touch[]): Record<string, number> {
	const n = journey.length;
	const shares: Record<string, number> = {};
	journey.forEach((touch, i) => {
		const share = n === 1 ? 1 : n === 2 ? 0.5 : i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2);
		shares[touch.campaign] = (shares[touch.campaign] ?? 0) + share;
	});
	return shares;
}

/** "a 40%; b 10%" (what the template writes on the contact) → {a: 0.4, b: 0.1}. */
function parseCredits(text: string): Record<string, number> {
	return Object.fromEntries(
		text.split('; ').map((part) => {
			const match = /^(.+) ([\d.]+)%$/.exec(part);
			if (!match) throw new Error(`unexpected credit "${part}" in "${text}"`);
			return [match[1], Number(match[2]) / 100];
		}),
	);
}

interface CampaignRow {
	campaign: string;
	credit: number;
	touches: number;
	converted_at: string;
	updated_at: string;
}

describe('template 02: multi-touch attribution', () => {
	const t = useTemplateStack(SLUG, WEBHOOK_PATH);
	let first: SeededContact & { answer: { status: number; body: unknown } };

	const contact = async (id: string): Promise<Record<string, string>> => {
		const { results } = await sandboxAdmin<{
			results: Array<{ id: string; properties: Record<string, string> }>;
		}>(t.stack.sandbox, 'GET', '/hubspot/objects/contacts');
		const found = results.find((r) => r.id === id);
		if (!found) throw new Error(`no contact ${id} in the sandbox HubSpot`);
		return found.properties;
	};
	const campaignRows = (contactId: string) =>
		t.stack.warehouse.query<CampaignRow>(
			`SELECT campaign, credit::float8 AS credit, touches, converted_at, updated_at
			 FROM campaign_attribution WHERE contact_id = '${contactId}' AND model = '${MODEL}' ORDER BY campaign`,
		);
	const logRows = (recordId: string) =>
		t.stack.warehouse.query<{ event: string; status: string; duration_ms: number; metadata: any }>(
			`SELECT event, status, duration_ms, metadata FROM workflow_log
			 WHERE workflow = '${SLUG}' AND record_id = '${recordId}' ORDER BY id`,
		);
	const expectShares = (actual: Record<string, number>, journey: Touch[], digits: number) => {
		const expected = positionBasedShares(journey);
		expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
		for (const [campaign, share] of Object.entries(expected))
			expect(actual[campaign]).toBeCloseTo(share, digits);
	};

	test('a form submission after three campaign touches: shares on the contact, one warehouse row per campaign', async () => {
		first = (await demo.run(t.ctx)) as typeof first;
		expect(first.answer).toEqual({ status: 200, body: { received: true } });
		const [run] = await settledExecutions(t.stack.n8n, t.workflowId, 1);
		expect(run.status).toBe('success');

		const properties = await contact(first.contactId);
		expect(properties).toMatchObject({
			revops_attribution_model: MODEL,
			revops_first_touch_campaign: DEMO_JOURNEY[0].campaign,
			revops_last_touch_campaign: DEMO_JOURNEY[DEMO_JOURNEY.length - 1].campaign,
			revops_attribution_touches: String(DEMO_JOURNEY.length),
			revops_attributed_at: new Date(first.submittedAt).toISOString(),
		});
		// Written as percentages with one decimal: 3 digits are what the contact can carry.
		expectShares(parseCredits(properties.revops_campaign_credits), DEMO_JOURNEY, 3);

		const rows = campaignRows(first.contactId);
		expect(rows).toHaveLength(DEMO_JOURNEY.length);
		expectShares(Object.fromEntries(rows.map((r) => [r.campaign, r.credit])), DEMO_JOURNEY, 9);
		for (const row of rows) {
			expect(row.touches).toBe(1);
			expect(new Date(row.converted_at).getTime()).toBe(first.submittedAt);
		}

		const log = logRows(first.contactId);
		expect(log).toEqual([
			expect.objectContaining({ event: 'attribution_updated', status: 'success' }),
		]);
		expect(log[0].metadata).toMatchObject({ model: MODEL, touches: DEMO_JOURNEY.length });
		expect(log[0].duration_ms).toBeGreaterThanOrEqual(0);
	});

	test('the same submission delivered again rewrites its rows instead of adding to them', async () => {
		const before = campaignRows(first.contactId);
		const performance = () =>
			t.stack.warehouse.query<{ campaign: string; credited_conversions: number }>(
				`SELECT campaign, credited_conversions::float8 AS credited_conversions FROM campaign_performance
				 WHERE model = '${MODEL}' ORDER BY campaign`,
			);
		const totalsBefore = performance();
		// HubSpot retries with a new timestamp, hence a new signature: not a replay to the trigger.
		const answer = await postHubSpotWebhook(t.ctx, [
			formSubmissionEvent(first.contactId, first.submittedAt),
		]);
		expect(answer.status).toBe(200);
		const runs = await settledExecutions(t.stack.n8n, t.workflowId, 2);
		expect(runs.map((r) => r.status)).toEqual(['success', 'success']);

		const after = campaignRows(first.contactId);
		expect(after.map(({ campaign, credit, touches }) => ({ campaign, credit, touches }))).toEqual(
			before.map(({ campaign, credit, touches }) => ({ campaign, credit, touches })),
		);
		// The rows were rewritten by the second run, not left alone.
		for (const [i, row] of after.entries())
			expect(Date.parse(row.updated_at)).toBeGreaterThan(Date.parse(before[i].updated_at));
		expect(performance()).toEqual(totalsBefore);
		expect(logRows(first.contactId).map((r) => r.status)).toEqual(['success', 'success']);
	});

	test('one webhook with several events: each contact credited on its own, failures logged, other events ignored', async () => {
		const twoTouches: Touch[] = [
			{ daysBefore: 30, medium: 'email', campaign: 'newsletter-oct' },
			{ daysBefore: 0, medium: 'webinar', campaign: 'demo-webinar' },
		];
		const comesBack: Touch[] = [
			{ daysBefore: 40, medium: 'paid_search', campaign: 'brand-search' },
			{ daysBefore: 20, medium: 'email', campaign: 'newsletter-oct' },
			{ daysBefore: 10, medium: 'paid_search', campaign: 'brand-search' },
			{ daysBefore: 0, medium: 'webinar', campaign: 'demo-webinar' },
		];
		const b = await seedContact(t.ctx, twoTouches);
		const c = await seedContact(t.ctx, comesBack);
		const noUtm = await seedContact(t.ctx, []);
		const unknownId = '99999999999';
		const answer = await postHubSpotWebhook(t.ctx, [
			formSubmissionEvent(b.contactId, b.submittedAt),
			{ ...formSubmissionEvent(b.contactId, b.submittedAt), propertyName: 'firstname' },
			formSubmissionEvent(c.contactId, c.submittedAt),
			formSubmissionEvent(noUtm.contactId, noUtm.submittedAt),
			formSubmissionEvent(unknownId, Date.now()),
		]);
		expect(answer.status).toBe(200);
		const [run] = await settledExecutions(t.stack.n8n, t.workflowId, 3);
		expect(run.status).toBe('success');

		expectShares(parseCredits((await contact(b.contactId)).revops_campaign_credits), twoTouches, 3);
		expectShares(
			Object.fromEntries(campaignRows(b.contactId).map((r) => [r.campaign, r.credit])),
			twoTouches,
			9,
		);
		const cRows = campaignRows(c.contactId);
		expectShares(Object.fromEntries(cRows.map((r) => [r.campaign, r.credit])), comesBack, 9);
		expect(cRows.find((r) => r.campaign === 'brand-search')?.touches).toBe(2);
		expect(await contact(c.contactId)).toMatchObject({
			revops_first_touch_campaign: 'brand-search',
			revops_last_touch_campaign: 'demo-webinar',
			revops_attribution_touches: '4',
		});

		// No touchpoint to credit: the contact says so, and the warehouse gets no campaign row.
		expect(await contact(noUtm.contactId)).toMatchObject({
			revops_attribution_touches: '0',
			revops_attribution_model: MODEL,
		});
		expect(campaignRows(noUtm.contactId)).toEqual([]);

		// Only the form conversion of contact B ran, not its firstname change.
		expect(logRows(b.contactId).map((r) => r.event)).toEqual(['attribution_updated']);
		expect(logRows(noUtm.contactId).map((r) => r.status)).toEqual(['success']);
		const failed = logRows(unknownId);
		expect(failed).toEqual([
			expect.objectContaining({ event: 'attribution_failed', status: 'failure' }),
		]);
		expect(failed[0].metadata.step).toBe('Get touchpoint history');
		expect(String(failed[0].metadata.status)).toBe('404');
	});

	test('a forged webhook is refused with 401 and starts no execution', async () => {
		const before = (await executionsOf(t.stack.n8n, t.workflowId)).length;
		const forged = await postHubSpotWebhook(
			t.ctx,
			[formSubmissionEvent(first.contactId, Date.now())],
			{ secret: 'not-the-hubspot-client-secret' },
		);
		expect(forged).toEqual({ status: 401, body: { error: 'signature mismatch' } });
		// A genuine request sent after the forged one settles as the only new execution.
		const genuine = await postHubSpotWebhook(t.ctx, [
			formSubmissionEvent(first.contactId, first.submittedAt),
		]);
		expect(genuine.status).toBe(200);
		const runs = await settledExecutions(t.stack.n8n, t.workflowId, before + 1);
		expect(runs).toHaveLength(before + 1);
		expect(runs[0].status).toBe('success');
	});
});
