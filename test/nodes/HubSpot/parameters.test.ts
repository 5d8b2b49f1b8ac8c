// Version 2's parameters against the sandbox HubSpot: the record as a resource locator (ID, URL,
// domain, email) on Get, Update and Delete; Define Below as a resource mapper loaded from the
// portal's properties; labelled associations chosen by label. Version 1's parameters are tested in
// operations.test.ts (typeVersion 1).
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { HubSpotRevOps } from '../../../nodes/HubSpot/HubSpotRevOps.node';
import {
	admin,
	FAST,
	locator,
	mapped,
	methodContext,
	pairedIndexes,
	records,
	requestLog,
	runHubSpot,
	useHubSpotSandbox,
} from '../helpers/hubspotSandbox';

const t = useHubSpotSandbox();
const node = new HubSpotRevOps();

const op = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...extra,
	options: { ...FAST, ...((extra.options as INodeParameters) ?? {}) },
});

async function seed(hubspot: unknown): Promise<Record<string, string[]>> {
	return (await admin(t.sb, 'POST', '/seed', { hubspot })).hubspot as never;
}

async function hubspot(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const response = await fetch(`${t.sb.hubspotUrl}${path}`, {
		method,
		headers: { authorization: 'Bearer pat-sandbox', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

const url = (typeId: string, id: string) =>
	`https://app.hubspot.com/contacts/1234567/record/${typeId}/${id}`;

describe('version 2: the record is a resource locator', () => {
	test('Get by domain: one search for all items, normalized like upsert, the oldest of duplicates', async () => {
		const { companies } = await seed({
			records: {
				companies: [
					{ name: 'Acme', domain: 'acme.com' },
					{ name: 'Beta', domain: 'beta.io' },
					{ name: 'Beta (duplicate)', domain: 'beta.io' },
				],
			},
		});
		await admin(t.sb, 'DELETE', '/requests');
		const run = await runHubSpot(
			t.sb,
			op('company', 'get', {
				recordId: locator('domain', '={{ $json.site }}'),
				options: { properties: ['name', 'domain'] },
			}),
			[
				{ site: 'https://www.Acme.com/about' },
				{ site: 'beta.io' },
				{ site: 'nowhere.org' },
				{ site: 'gmail.com' },
			],
		);
		expect(pairedIndexes(run)).toEqual([
			[0, 1],
			[2, 3],
		]);
		expect(run.outputs[0].map((item) => item.json.id)).toEqual([companies[0], companies[1]]);
		expect(run.outputs[1][0].json).toMatchObject({
			error: 'No company has the domain nowhere.org',
			category: 'OBJECT_NOT_FOUND',
		});
		expect(run.outputs[1][1].json.error).toMatch(
			/^Company \(By Domain\): gmail\.com is a free-mail/,
		);
		const log = await requestLog(t.sb);
		expect(log.filter((r) => r.path.endsWith('/search'))).toHaveLength(1);
	});

	test('Get by ID (fixed or an expression), by URL (current and legacy) and by email', async () => {
		const { companies, contacts } = await seed({
			records: {
				companies: [
					{ name: 'Acme', domain: 'acme.com' },
					{ name: 'Beta', domain: 'beta.io' },
				],
				contacts: [{ email: 'ann@acme.com', firstname: 'Ann' }],
			},
		});
		const byId = await runHubSpot(
			t.sb,
			op('company', 'get', { recordId: locator('id', companies[1]) }),
			[{}],
		);
		expect(byId.outputs[0][0].json.id).toBe(companies[1]);
		const byExpression = await runHubSpot(
			t.sb,
			op('company', 'get', { recordId: locator('id', '={{ $json.id }}') }),
			[{ id: companies[0] }],
		);
		expect(byExpression.outputs[0][0].json.id).toBe(companies[0]);

		const byUrl = await runHubSpot(
			t.sb,
			op('company', 'get', { recordId: locator('url', '={{ $json.url }}') }),
			[
				{ url: url('0-2', companies[0]) },
				{ url: `https://app-eu1.hubspot.com/contacts/1234567/company/${companies[1]}/` },
				{ url: `${url('0-2', companies[1])}?tab=overview` },
			],
		);
		expect(byUrl.outputs[0].map((item) => item.json.id)).toEqual([
			companies[0],
			companies[1],
			companies[1],
		]);
		// Any other expression inside the locator's value is evaluated by n8n, per item.
		const byComputedUrl = await runHubSpot(
			t.sb,
			op('company', 'get', {
				recordId: locator(
					'url',
					'={{ "https://app.hubspot.com/contacts/1/record/0-2/" + $json.n }}',
				),
			}),
			[{ n: companies[1] }, { n: companies[0] }],
		);
		expect(byComputedUrl.outputs[0].map((item) => item.json.id)).toEqual([
			companies[1],
			companies[0],
		]);

		const byEmail = await runHubSpot(
			t.sb,
			op('contact', 'get', {
				recordId: locator('email', '={{ $json.email }}'),
				options: { properties: ['firstname'] },
			}),
			[{ email: ' ANN@acme.com ' }, { email: 'bob@acme.com' }, { email: 'not an email' }],
		);
		expect(byEmail.outputs[0][0].json).toMatchObject({
			id: contacts[0],
			properties: { firstname: 'Ann' },
		});
		expect(byEmail.outputs[1].map((item) => item.json.error)).toEqual([
			'No contact has the email bob@acme.com',
			"Contact (By Email): 'not an email' is not an email address",
		]);
	});

	test('an invalid URL fails its item with a message naming the field; a URL of another object type too', async () => {
		const { companies, deals } = await seed({
			records: { companies: [{ name: 'Acme', domain: 'acme.com' }], deals: [{ dealname: 'D' }] },
		});
		const run = await runHubSpot(
			t.sb,
			op('company', 'archive', { recordId: locator('url', '={{ $json.url }}') }),
			[
				{ url: 'https://example.com/companies/42' },
				{ url: url('0-3', deals[0]) },
				{ url: `https://app.hubspot.com/contacts/1234567/deal/${deals[0]}` },
				{ url: '' },
			],
		);
		expect(pairedIndexes(run)).toEqual([[], [0, 1, 2, 3]]);
		expect(run.outputs[1].map((item) => item.json.error)).toEqual([
			"Company (By URL): 'https://example.com/companies/42' is not a HubSpot record URL (e.g. https://app.hubspot.com/contacts/123456/record/0-2/987654321)",
			`Company (By URL): '${url('0-3', deals[0])}' is the URL of a deal record, not of a company`,
			`Company (By URL): 'https://app.hubspot.com/contacts/1234567/deal/${deals[0]}' is the URL of a deal record, not of a company`,
			"Company (By URL): '' is not a HubSpot record URL (e.g. https://app.hubspot.com/contacts/123456/record/0-2/987654321)",
		]);
		expect(run.outputs[1][0].json).toMatchObject({ category: 'INVALID_INPUT' });
		// Nothing was deleted: neither the company nor the deal whose id the URLs carry.
		expect(await records(t.sb, 'companies')).toHaveLength(1);
		expect((await records(t.sb, 'deals')).map((d) => d.id)).toEqual(deals);
		expect(companies).toHaveLength(1);
	});

	test('Update by URL and by domain with resource mapper values; items of one record merge', async () => {
		const { companies, deals } = await seed({
			records: {
				companies: [{ name: 'Acme', domain: 'acme.com' }],
				deals: [{ dealname: 'Big deal', amount: '10' }],
			},
		});
		const byDomain = await runHubSpot(
			t.sb,
			op('company', 'update', {
				recordId: locator('domain', '={{ $json.domain }}'),
				propertiesMode: 'define',
				propertyMapping: mapped({ city: '={{ $json.city }}', industry: 'COMPUTER_SOFTWARE' }),
			}),
			[
				{ domain: 'www.acme.com', city: 'Berlin' },
				{ domain: 'https://acme.com', city: '' },
				{ domain: 'unknown.dev', city: 'Paris' },
			],
		);
		expect(pairedIndexes(byDomain)).toEqual([[0, 1], [2]]);
		expect(byDomain.outputs[0][0].json).toMatchObject({ id: companies[0], action: 'updated' });
		expect((await records(t.sb, 'companies'))[0].properties).toMatchObject({
			city: 'Berlin',
			industry: 'COMPUTER_SOFTWARE',
		});

		const byUrl = await runHubSpot(
			t.sb,
			op('deal', 'update', {
				recordId: locator('url', url('0-3', deals[0])),
				propertiesMode: 'define',
				propertyMapping: mapped({ amount: '={{ $json.amount }}', dealname: null }),
			}),
			[{ amount: 2500 }],
		);
		expect(byUrl.outputs[0][0].json).toMatchObject({ id: deals[0], action: 'updated' });
		expect((await records(t.sb, 'deals'))[0].properties).toMatchObject({
			amount: '2500',
			dealname: 'Big deal',
		});
	});

	test('Delete by email, by domain and by ID; a dry run deletes nothing', async () => {
		const { companies, contacts } = await seed({
			records: {
				companies: [
					{ name: 'Acme', domain: 'acme.com' },
					{ name: 'Beta', domain: 'beta.io' },
				],
				contacts: [{ email: 'ann@acme.com' }, { email: 'bob@beta.io' }],
			},
		});
		const dry = await runHubSpot(
			t.sb,
			op('contact', 'archive', {
				recordId: locator('email', '={{ $json.email }}'),
				options: { dryRun: true },
			}),
			[{ email: 'ann@acme.com' }],
		);
		expect(dry.outputs[0][0].json).toMatchObject({ id: contacts[0], action: 'wouldArchive' });
		expect(await records(t.sb, 'contacts')).toHaveLength(2);

		const byEmail = await runHubSpot(
			t.sb,
			op('contact', 'archive', { recordId: locator('email', '={{ $json.email }}') }),
			[{ email: 'Ann@Acme.com' }],
		);
		expect(byEmail.outputs[0][0].json).toMatchObject({ id: contacts[0], action: 'archived' });
		expect((await records(t.sb, 'contacts')).map((c) => c.id)).toEqual([contacts[1]]);

		const byDomain = await runHubSpot(
			t.sb,
			op('company', 'archive', { recordId: locator('domain', 'https://www.beta.io') }),
			[{}],
		);
		expect(byDomain.outputs[0][0].json).toMatchObject({ id: companies[1], action: 'archived' });
		const byId = await runHubSpot(
			t.sb,
			op('company', 'archive', { recordId: locator('id', '={{ $json.id }}') }),
			[{ id: companies[0] }, { id: 'acme' }],
		);
		expect(pairedIndexes(byId)).toEqual([[0], [1]]);
		expect(await records(t.sb, 'companies')).toEqual([]);
	});

	test('a plain Record ID string (a version 1 value) on version 2 still reads as an ID', async () => {
		const { deals } = await seed({ records: { deals: [{ dealname: 'D' }] } });
		const run = await runHubSpot(t.sb, op('deal', 'get', { recordId: '={{ $json.id }}' }), [
			{ id: deals[0] },
		]);
		expect(run.outputs[0][0].json.id).toBe(deals[0]);
	});
});

describe('version 2: Define Below is a resource mapper', () => {
	test('create writes the mapped values (fixed and expressions); empty ones are not sent', async () => {
		const run = await runHubSpot(
			t.sb,
			op('contact', 'create', {
				propertiesMode: 'define',
				propertyMapping: mapped({
					email: '={{ $json.email }}',
					firstname: "={{ $json['first name'] }}",
					lifecyclestage: 'lead',
					jobtitle: null,
					phone: '={{ $json.phone }}',
				}),
			}),
			[
				{ email: 'ann@acme.com', 'first name': 'Ann', phone: '' },
				{ email: 'bob@acme.com', 'first name': 'Bob', phone: '555' },
			],
		);
		expect(pairedIndexes(run)).toEqual([[0, 1], []]);
		const stored = (await records(t.sb, 'contacts')).map((c) => c.properties);
		expect(stored[0]).toMatchObject({
			email: 'ann@acme.com',
			firstname: 'Ann',
			lifecyclestage: 'lead',
		});
		expect(stored[0].phone ?? '').toBe('');
		expect(stored[0].jobtitle ?? '').toBe('');
		expect(stored[1]).toMatchObject({ firstname: 'Bob', phone: '555' });
	});

	test('version 2 ignores a Property Values fixed collection; version 1 ignores the mapper', async () => {
		const both = {
			propertiesMode: 'define',
			propertyValues: { values: [{ name: 'firstname', value: 'From v1' }] },
			propertyMapping: mapped({ firstname: 'From v2' }),
		};
		await runHubSpot(t.sb, op('contact', 'upsert', { ...both, email: 'a@acme.com' }), [{}]);
		await runHubSpot(t.sb, op('contact', 'upsert', { ...both, email: 'b@acme.com' }), [{}], {
			typeVersion: 1,
		});
		const names = Object.fromEntries(
			(await records(t.sb, 'contacts')).map((c) => [c.properties.email, c.properties.firstname]),
		);
		expect(names).toEqual({ 'a@acme.com': 'From v2', 'b@acme.com': 'From v1' });
	});

	test("getPropertyMapping lists the portal's writable properties with n8n field types", async () => {
		await hubspot('POST', '/crm/v3/properties/companies', {
			name: 'is_partner',
			label: 'Is Partner',
			type: 'bool',
			fieldType: 'booleancheckbox',
			groupName: 'companyinformation',
			options: [
				{ label: 'Yes', value: 'true' },
				{ label: 'No', value: 'false' },
			],
		});
		const { fields } = await node.methods.resourceMapping.getPropertyMapping.call(
			methodContext(t.sb, { resource: 'company', operation: 'create', propertiesMode: 'define' }),
		);
		const byId = Object.fromEntries(fields.map((field) => [field.id, field]));
		expect(byId.name).toMatchObject({
			displayName: 'Company name',
			type: 'string',
			required: false,
			display: true,
			canBeUsedToMatch: false,
		});
		expect(byId.numberofemployees.type).toBe('number');
		expect(byId.createdate.type).toBe('dateTime');
		expect(byId.is_partner.type).toBe('boolean');
		expect(byId.lifecyclestage).toMatchObject({
			type: 'options',
			options: expect.arrayContaining([{ name: 'Lead', value: 'lead' }]),
		});
		// The owner's options are the portal's users, not listed in the property: typed in.
		expect(byId.hubspot_owner_id.type).toBe('string');
		// Read-only (system, calculated) properties are left out.
		expect(byId.hs_object_id).toBeUndefined();
		expect(byId.hs_lastmodifieddate).toBeUndefined();
		expect(fields.map((f) => f.displayName)).toEqual(
			[...fields.map((f) => f.displayName)].sort((a, b) => a.localeCompare(b)),
		);

		const deals = await node.methods.resourceMapping.getPropertyMapping.call(
			methodContext(t.sb, { resource: 'deal', operation: 'update' }),
		);
		expect(deals.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['dealname', 'amount']));
		expect(deals.fields.map((f) => f.id)).not.toContain('domain');
	});
});

describe('version 2: labelled associations are chosen by label', () => {
	const pair = {
		fromObjectType: 'contacts',
		toObjectType: 'companies',
		fromId: '={{ $json.from }}',
		toId: '={{ $json.to }}',
	};

	test('the label picker lists the labels between the two types; create by a label', async () => {
		const { contacts, companies } = await seed({
			records: {
				contacts: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }],
				companies: [{ name: 'Acme', domain: 'acme.com' }],
			},
		});
		await hubspot('POST', '/crm/v4/associations/contacts/companies/labels', {
			label: 'Champion',
			name: 'champion',
		});
		const labels = await node.methods.loadOptions.getAssociationLabels.call(
			methodContext(t.sb, {
				resource: 'association',
				operation: 'create',
				...pair,
				associationKind: 'labelled',
			}),
		);
		expect(labels.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: 'Champion', value: expect.stringMatching(/^USER_DEFINED:\d+$/) },
			{ name: 'Primary', value: 'HUBSPOT_DEFINED:1' },
			{ name: 'Unlabeled (Default Association)', value: 'HUBSPOT_DEFINED:279' },
		]);
		const champion = String(labels[0].value);

		const run = await runHubSpot(
			t.sb,
			op('association', 'create', {
				...pair,
				associationKind: 'labelled',
				associationLabel: '={{ $json.label }}',
			}),
			[
				{ from: contacts[0], to: companies[0], label: 'HUBSPOT_DEFINED:1' },
				{ from: contacts[1], to: companies[0], label: champion },
				{ from: contacts[1], to: companies[0], label: 'Champion' },
			],
		);
		expect(pairedIndexes(run)).toEqual([[0, 1], [2]]);
		expect(run.outputs[0][0].json).toMatchObject({
			action: 'associated',
			label: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
		});
		expect(run.outputs[1][0].json.error).toBe(
			"Association Label 'Champion' is not a label: pick one from the list, or give CATEGORY:typeId (e.g. HUBSPOT_DEFINED:1)",
		);
		const listed = await runHubSpot(t.sb, op('association', 'list', pair), [{ from: contacts[1] }]);
		const typeIds = (listed.outputs[0][0].json.associationTypes as IDataObject[]).map(
			(type) => `${String(type.category)}:${String(type.typeId)}`,
		);
		expect(typeIds).toEqual(expect.arrayContaining([champion, 'HUBSPOT_DEFINED:279']));
	});
});
