// Seeded property history: a record's earlier writes (e.g. a contact's past form submissions) land in
// time order, read back newest first through propertiesWithHistory as HubSpot returns them.
import { useSandbox } from '../helpers/client';

const UTM = ['utm_medium', 'utm_campaign'].map((name) => ({
	name,
	label: name,
	type: 'string',
	fieldType: 'text',
	groupName: 'contactinformation',
}));

describe('seeded property history', () => {
	const t = useSandbox({ hubspotLimits: false });

	const seedContact = async (history: unknown[], email = 'ada@example.com') => {
		const seeded = await t.admin('POST', '/seed', {
			hubspot: {
				properties: { contacts: UTM },
				records: { contacts: [{ email }] },
				history: history.map((write) => ({
					record: { type: 'contacts', index: 0 },
					...(write as object),
				})),
			},
		});
		expect(seeded.status).toBe(201);
		return seeded.body.hubspot.contacts[0] as string;
	};

	it('keeps past writes in time order whatever order they are given in, newest first on read', async () => {
		const id = await seedContact([
			{
				at: '2025-02-20T09:00:00Z',
				values: { utm_medium: 'email', utm_campaign: 'newsletter' },
				sourceType: 'FORM',
				sourceId: 'form-1',
			},
			{
				at: '2025-01-10T09:00:00Z',
				values: { utm_medium: 'paid_social', utm_campaign: 'launch' },
				sourceType: 'FORM',
				sourceId: 'form-1',
			},
			{ at: Date.parse('2025-02-01T09:00:00Z'), values: { utm_campaign: 'brand-search' } },
		]);
		const read = await t.hs(
			'GET',
			`/crm/v3/objects/contacts/${id}?properties=utm_campaign,utm_medium&propertiesWithHistory=utm_campaign,utm_medium`,
		);
		expect(read.status).toBe(200);
		expect(read.body.properties).toMatchObject({ utm_campaign: 'newsletter', utm_medium: 'email' });
		expect(read.body.propertiesWithHistory.utm_campaign).toEqual([
			{
				value: 'newsletter',
				timestamp: '2025-02-20T09:00:00.000Z',
				sourceType: 'FORM',
				sourceId: 'form-1',
			},
			{ value: 'brand-search', timestamp: '2025-02-01T09:00:00.000Z', sourceType: 'IMPORT' },
			{
				value: 'launch',
				timestamp: '2025-01-10T09:00:00.000Z',
				sourceType: 'FORM',
				sourceId: 'form-1',
			},
		]);
		expect(
			read.body.propertiesWithHistory.utm_medium.map((v: { value: string }) => v.value),
		).toEqual(['email', 'paid_social']);
	});

	it('moves the record’s creation back to its first write, and never lets an older write win', async () => {
		const id = await seedContact([
			{ at: '2025-01-10T09:00:00Z', values: { utm_campaign: 'launch' } },
		]);
		// The sandbox clock says 2025-03-01: a write made through the API now is newer than the seeded one.
		await t.hs('PATCH', `/crm/v3/objects/contacts/${id}`, {
			properties: { utm_campaign: 'webinar' },
		});
		await t.admin('POST', '/seed', {
			hubspot: {
				history: [
					{
						record: { type: 'contacts', id },
						at: '2025-02-01T00:00:00Z',
						values: { utm_campaign: 'older' },
					},
				],
			},
		});
		const read = await t.hs(
			'GET',
			`/crm/v3/objects/contacts/${id}?properties=utm_campaign,createdate&propertiesWithHistory=utm_campaign`,
		);
		expect(read.body.createdAt).toBe('2025-01-10T09:00:00.000Z');
		expect(read.body.properties).toMatchObject({
			createdate: '2025-01-10T09:00:00.000Z',
			utm_campaign: 'webinar',
		});
		expect(
			read.body.propertiesWithHistory.utm_campaign.map((v: { value: string }) => v.value),
		).toEqual(['webinar', 'older', 'launch']);
	});

	it('refuses a write without a valid time, and one to a property that does not exist', async () => {
		const bad = async (email: string, write: object) =>
			t.admin('POST', '/seed', {
				hubspot: {
					records: { contacts: [{ email }] },
					history: [{ record: { type: 'contacts', index: 0 }, ...write }],
				},
			});
		const noTime = await bad('x@example.com', { at: 'last week', values: { firstname: 'X' } });
		expect(noTime.status).toBe(400);
		expect(noTime.body.error).toMatch(/"at" must be an ISO date/);
		const unknown = await bad('y@example.com', {
			at: '2025-01-01T00:00:00Z',
			values: { nosuch: 'x' },
		});
		expect(unknown.status).toBe(400);
		expect(unknown.body.error).toMatch(/does not exist/);
	});
});
