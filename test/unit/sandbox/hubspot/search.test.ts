import { useSandbox } from '../helpers/client';

const t = useSandbox({ hubspotLimits: false, resetEach: false });

const search = (body: unknown, type = 'companies') =>
	t.hs('POST', `/crm/v3/objects/${type}/search`, body);
const names = (res: { body: { results: Array<{ properties: { name: string } }> } }) =>
	res.body.results.map((r) => r.properties.name);
const only = (filter: Record<string, unknown>) =>
	search({ filterGroups: [{ filters: [filter] }], properties: ['name'], limit: 100 });

describe('HubSpot search', () => {
	beforeAll(async () => {
		const rows = [
			{
				name: 'Acme Corp',
				domain: 'acme.com',
				numberofemployees: '50',
				industry: 'Software Tools',
				createdate: '2024-01-10T00:00:00Z',
			},
			{
				name: 'Beta LLC',
				domain: 'beta.io',
				numberofemployees: '5',
				createdate: '2024-02-10T00:00:00Z',
			},
			{
				name: 'Gamma GmbH',
				domain: 'gamma.de',
				numberofemployees: '500',
				industry: 'Hardware',
				createdate: '2024-03-10T00:00:00Z',
			},
			{ name: 'Delta', createdate: '2024-04-10T00:00:00Z' },
		];
		for (const properties of rows)
			expect((await t.hs('POST', '/crm/v3/objects/companies', { properties })).status).toBe(201);
	});

	it.each([
		[{ propertyName: 'domain', operator: 'EQ', value: 'ACME.com' }, ['Acme Corp']],
		[
			{ propertyName: 'domain', operator: 'NEQ', value: 'acme.com' },
			['Beta LLC', 'Gamma GmbH', 'Delta'],
		],
		[{ propertyName: 'numberofemployees', operator: 'LT', value: '50' }, ['Beta LLC']],
		[
			{ propertyName: 'numberofemployees', operator: 'LTE', value: '50' },
			['Acme Corp', 'Beta LLC'],
		],
		[{ propertyName: 'numberofemployees', operator: 'GT', value: 50 }, ['Gamma GmbH']],
		[
			{ propertyName: 'numberofemployees', operator: 'GTE', value: '50' },
			['Acme Corp', 'Gamma GmbH'],
		],
		[
			{ propertyName: 'numberofemployees', operator: 'BETWEEN', value: '5', highValue: '50' },
			['Acme Corp', 'Beta LLC'],
		],
		[
			{
				propertyName: 'createdate',
				operator: 'GTE',
				value: String(Date.parse('2024-03-01T00:00:00Z')),
			},
			['Gamma GmbH', 'Delta'],
		],
		[{ propertyName: 'createdate', operator: 'LT', value: '2024-02-01T00:00:00Z' }, ['Acme Corp']],
		[
			{ propertyName: 'domain', operator: 'IN', values: ['beta.io', 'gamma.de', 'nope.org'] },
			['Beta LLC', 'Gamma GmbH'],
		],
		[
			{ propertyName: 'domain', operator: 'NOT_IN', values: ['beta.io', 'gamma.de'] },
			['Acme Corp', 'Delta'],
		],
		[{ propertyName: 'industry', operator: 'HAS_PROPERTY' }, ['Acme Corp', 'Gamma GmbH']],
		[{ propertyName: 'industry', operator: 'NOT_HAS_PROPERTY' }, ['Beta LLC', 'Delta']],
		[{ propertyName: 'industry', operator: 'CONTAINS_TOKEN', value: 'software' }, ['Acme Corp']],
		[{ propertyName: 'domain', operator: 'CONTAINS_TOKEN', value: '*.io' }, ['Beta LLC']],
		[
			{ propertyName: 'industry', operator: 'NOT_CONTAINS_TOKEN', value: 'tools' },
			['Beta LLC', 'Gamma GmbH', 'Delta'],
		],
	])('%j matches %j', async (filter, expected) => {
		const res = await only(filter);
		expect(res.status).toBe(200);
		expect(names(res)).toEqual(expected);
		expect(res.body.total).toBe(expected.length);
	});

	it('ORs filter groups and ANDs the filters inside a group', async () => {
		const res = await search({
			filterGroups: [
				{
					filters: [
						{ propertyName: 'numberofemployees', operator: 'GTE', value: '50' },
						{ propertyName: 'industry', operator: 'EQ', value: 'hardware' },
					],
				},
				{ filters: [{ propertyName: 'domain', operator: 'EQ', value: 'beta.io' }] },
			],
			properties: ['name'],
		});
		expect(names(res)).toEqual(['Beta LLC', 'Gamma GmbH']);
	});

	it('sorts, pages with after and reports total; no paging on the last page', async () => {
		const sorts = [{ propertyName: 'name', direction: 'DESCENDING' }];
		const first = await search({ sorts, properties: ['name'], limit: 3 });
		expect(first.body.total).toBe(4);
		expect(names(first)).toEqual(['Gamma GmbH', 'Delta', 'Beta LLC']);
		expect(first.body.paging).toEqual({ next: { after: '3' } });
		const second = await search({
			sorts,
			properties: ['name'],
			limit: 3,
			after: first.body.paging.next.after,
		});
		expect(names(second)).toEqual(['Acme Corp']);
		expect(second.body.paging).toBeUndefined();
	});

	it('returns the default properties when none are named, and null for named ones unset', async () => {
		const res = await search({
			filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ', value: 'Delta' }] }],
			properties: ['name', 'domain'],
		});
		expect(res.body.results[0].properties).toEqual({
			name: 'Delta',
			domain: null,
			hs_object_id: expect.any(String),
			createdate: '2024-04-10T00:00:00.000Z',
			hs_lastmodifieddate: expect.any(String),
		});
	});

	it('finds by free-text query in the searchable properties', async () => {
		expect(names(await search({ query: 'gamma', properties: ['name'] }))).toEqual(['Gamma GmbH']);
	});

	it('refuses limit above 200, too many filter groups and unknown operators with 400', async () => {
		expect((await search({ limit: 201 })).status).toBe(400);
		const groups = Array.from({ length: 6 }, () => ({
			filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }],
		}));
		expect((await search({ filterGroups: groups })).status).toBe(400);
		const bad = await only({ propertyName: 'name', operator: 'LIKE', value: 'x' });
		expect(bad.status).toBe(400);
		expect(bad.body.category).toBe('VALIDATION_ERROR');
		expect((await search({ after: '10000' })).status).toBe(400);
	});

	it('hides writes from search for the configured index lag', async () => {
		t.sb.state.hubspot.settings.searchIndexLagMs = 2000;
		try {
			const created = await t.hs('POST', '/crm/v3/objects/companies', {
				properties: { name: 'Fresh', domain: 'fresh.dev' },
			});
			const byDomain = {
				filterGroups: [
					{ filters: [{ propertyName: 'domain', operator: 'EQ', value: 'fresh.dev' }] },
				],
			};
			expect((await search(byDomain)).body.total).toBe(0);
			t.sb.tick(1000);
			await t.hs('PATCH', `/crm/v3/objects/companies/${created.body.id}`, {
				properties: { domain: 'fresh2.dev' },
			});
			t.sb.tick(1000);
			// Indexed as created; the update is still in flight.
			expect((await search(byDomain)).body.total).toBe(1);
			t.sb.tick(1000);
			expect((await search(byDomain)).body.total).toBe(0);
			// Reads by id are never stale.
			expect(
				(await t.hs('GET', `/crm/v3/objects/companies/${created.body.id}?properties=domain`)).body
					.properties.domain,
			).toBe('fresh2.dev');
		} finally {
			t.sb.state.hubspot.settings.searchIndexLagMs = 0;
		}
	});
});
