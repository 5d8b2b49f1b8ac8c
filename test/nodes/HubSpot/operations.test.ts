// The node's other operations against the sandbox HubSpot: records (get, get many, search, create,
// update, upsert, archive) for standard and custom objects, associations and properties.
import type { INodeParameters } from 'n8n-workflow';
import {
	admin,
	FAST,
	mapped,
	pairedIndexes,
	records,
	runHubSpot,
	useHubSpotSandbox,
} from '../helpers/hubspotSandbox';

const t = useHubSpotSandbox();

/** Tests of version 1's parameters (Record ID string, Property Values, type ID labels). */
const V1 = { typeVersion: 1 };

const op = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...extra,
	options: { ...FAST, ...((extra.options as INodeParameters) ?? {}) },
});

async function seed(hubspot: unknown): Promise<Record<string, string[]>> {
	return (await admin(t.sb, 'POST', '/seed', { hubspot })).hubspot as never;
}

describe('records', () => {
	test('create in batches maps input fields that are properties; a rejected input fails alone', async () => {
		const run = await runHubSpot(t.sb, op('contact', 'create', { options: { batchSize: 2 } }), [
			{ email: 'a@acme.com', firstname: 'Ann', clay_row_id: 'r1' },
			{ email: 'b@acme.com', firstname: 'Bob' },
			{ email: 'a@acme.com', firstname: 'Dup' },
		]);
		expect(pairedIndexes(run)).toEqual([[0, 1], [2]]);
		expect(run.outputs[0][0].json).toMatchObject({
			action: 'created',
			properties: { email: 'a@acme.com', firstname: 'Ann' },
		});
		expect(run.outputs[0][0].json.properties).not.toHaveProperty('clay_row_id');
		expect(run.outputs[1][0].json).toMatchObject({
			category: 'CONFLICT',
			input: { firstname: 'Dup' },
		});
	});

	test('version 1: get by Record ID and by a unique property; a missing record goes to Errors', async () => {
		const { contacts } = await seed({
			records: { contacts: [{ email: 'a@acme.com', firstname: 'Ann' }] },
		});
		const byId = await runHubSpot(
			t.sb,
			op('contact', 'get', { recordId: '={{ $json.id }}', options: { properties: ['firstname'] } }),
			[{ id: contacts[0] }, { id: '999' }],
			V1,
		);
		expect(byId.outputs[0][0].json).toMatchObject({
			id: contacts[0],
			properties: { firstname: 'Ann' },
		});
		expect(byId.outputs[1][0]).toMatchObject({
			json: { category: 'OBJECT_NOT_FOUND' },
			pairedItem: { item: 1 },
		});
		const byEmail = await runHubSpot(
			t.sb,
			op('contact', 'get', { recordId: 'A@acme.com', options: { idProperty: 'email' } }),
			[{}],
			V1,
		);
		expect(byEmail.outputs[0][0].json.id).toBe(contacts[0]);
	});

	test('get many pages to the limit or returns all', async () => {
		await seed({
			records: { deals: Array.from({ length: 130 }, (_, i) => ({ dealname: `D${i}` })) },
		});
		const limited = await runHubSpot(t.sb, op('deal', 'getAll', { limit: 120 }), [{}]);
		expect(limited.outputs[0]).toHaveLength(120);
		const all = await runHubSpot(t.sb, op('deal', 'getAll', { returnAll: true }), [{}]);
		expect(all.outputs[0]).toHaveLength(130);
		expect(all.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('search with the filters form and with a JSON body', async () => {
		await seed({
			records: {
				companies: [
					{ name: 'Acme', domain: 'acme.com', city: 'Berlin' },
					{ name: 'Beta', domain: 'beta.io', city: 'Paris' },
					{ name: 'Gamma', domain: 'gamma.de', city: 'Berlin' },
				],
			},
		});
		const form = await runHubSpot(
			t.sb,
			op('company', 'search', {
				filters: {
					filter: [
						{ propertyName: 'city', operator: 'EQ', value: 'Berlin' },
						{ propertyName: 'domain', operator: 'IN', value: 'acme.com, beta.io' },
					],
				},
			}),
			[{}],
		);
		expect(form.outputs[0].map((i) => (i.json.properties as { domain: string }).domain)).toEqual([
			'acme.com',
		]);
		const json = await runHubSpot(
			t.sb,
			op('company', 'search', {
				searchMode: 'json',
				searchJson: JSON.stringify({
					filterGroups: [
						{ filters: [{ propertyName: 'city', operator: 'EQ', value: 'Paris' }] },
						{ filters: [{ propertyName: 'name', operator: 'EQ', value: 'Gamma' }] },
					],
				}),
				returnAll: true,
			}),
			[{}],
		);
		expect(json.outputs[0]).toHaveLength(2);
		const bad = await runHubSpot(
			t.sb,
			op('company', 'search', { searchMode: 'json', searchJson: '{nope' }),
			[{}],
		);
		expect(bad.outputs[1][0].json.category).toBe('INVALID_INPUT');
	});

	test('version 1: update by Record ID with Property Values; archive removes the records', async () => {
		const { deals } = await seed({
			records: { deals: [{ dealname: 'A', amount: '10' }, { dealname: 'B' }] },
		});
		const updated = await runHubSpot(
			t.sb,
			op('deal', 'update', {
				recordId: '={{ $json.id }}',
				propertiesMode: 'define',
				propertyValues: { values: [{ name: 'amount', value: '={{ $json.amount }}' }] },
			}),
			[
				{ id: deals[0], amount: 99 },
				{ id: deals[1], amount: 5 },
				{ id: '12345', amount: 1 },
			],
			V1,
		);
		expect(pairedIndexes(updated)).toEqual([[0, 1], [2]]);
		expect((await records(t.sb, 'deals')).map((d) => d.properties.amount)).toEqual(['99', '5']);

		const archived = await runHubSpot(
			t.sb,
			op('deal', 'archive', { recordId: '={{ $json.id }}' }),
			[{ id: deals[0] }, { id: 'x' }],
			V1,
		);
		expect(pairedIndexes(archived)).toEqual([[0], [1]]);
		expect(await records(t.sb, 'deals')).toHaveLength(1);
	});

	test('custom objects: create, and upsert by a unique property', async () => {
		const schema = await fetch(`${t.sb.hubspotUrl}/crm/v3/schemas`, {
			method: 'POST',
			headers: { authorization: 'Bearer pat-sandbox', 'content-type': 'application/json' },
			body: JSON.stringify({
				name: 'project',
				labels: { singular: 'Project', plural: 'Projects' },
				primaryDisplayProperty: 'project_name',
				properties: [
					{ name: 'project_name', label: 'Name', type: 'string' },
					{ name: 'code', label: 'Code', type: 'string', hasUniqueValue: true },
				],
			}),
		}).then(async (r) => (await r.json()) as { objectTypeId: string });
		const custom = { customObjectType: schema.objectTypeId };
		const created = await runHubSpot(t.sb, op('customObject', 'create', custom), [
			{ project_name: 'Apollo', code: 'AP' },
		]);
		expect(created.outputs[0][0].json.action).toBe('created');
		const upserted = await runHubSpot(
			t.sb,
			op('customObject', 'upsert', { ...custom, idProperty: 'code', idValue: '={{ $json.code }}' }),
			[
				{ project_name: 'Apollo 11', code: 'AP' },
				{ project_name: 'Gemini', code: 'GE' },
			],
		);
		expect(upserted.outputs[0].map((i) => i.json.action)).toEqual(['updated', 'created']);
		expect(upserted.outputs[0][0].json.id).toBe(created.outputs[0][0].json.id);
	});
});

describe('associations', () => {
	test('version 1: create (default and labelled by category and type ID), list, remove', async () => {
		const ids = await seed({
			records: {
				contacts: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }],
				companies: [{ name: 'Acme', domain: 'acme.com' }],
			},
		});
		const [a, b] = ids.contacts;
		const [company] = ids.companies;
		const pair = {
			fromObjectType: 'contacts',
			toObjectType: 'companies',
			fromId: '={{ $json.from }}',
			toId: '={{ $json.to }}',
		};
		const created = await runHubSpot(
			t.sb,
			op('association', 'create', pair),
			[
				{ from: a, to: company },
				{ from: b, to: '404' },
			],
			V1,
		);
		expect(pairedIndexes(created)).toEqual([[0], [1]]);
		const labelled = await runHubSpot(
			t.sb,
			op('association', 'create', { ...pair, associationKind: 'labelled', associationTypeId: 1 }),
			[{ from: b, to: company }],
			V1,
		);
		expect(labelled.outputs[0][0].json).toMatchObject({
			action: 'associated',
			label: { associationTypeId: 1 },
		});

		const listed = await runHubSpot(t.sb, op('association', 'list', pair), [{ from: b }]);
		expect(listed.outputs[0][0].json).toMatchObject({
			toObjectId: Number(company),
			associationTypes: expect.arrayContaining([expect.objectContaining({ typeId: 1 })]),
		});

		await runHubSpot(t.sb, op('association', 'remove', pair), [{ from: a, to: company }]);
		const after = await records(t.sb, 'contacts');
		expect(after.find((c) => c.id === a)!.associations.companies).toBeUndefined();
		expect(after.find((c) => c.id === b)!.associations.companies).toHaveLength(1);
	});

	test('contact upsert associates each contact with its company found by domain', async () => {
		await seed({ records: { companies: [{ name: 'Acme', domain: 'acme.com' }] } });
		const run = await runHubSpot(
			t.sb,
			op('contact', 'upsert', {
				associateWithCompany: 'companyDomain',
				companyDomain: '={{ $json.website }}',
				options: { excludeFields: 'website' },
			}),
			[
				{ email: 'a@acme.com', website: 'https://www.acme.com' },
				{ email: 'b@nowhere.io', website: 'nowhere.io' },
			],
		);
		expect(run.outputs[0][0].json).toMatchObject({ action: 'created', associated: true });
		expect(run.outputs[1][0].json).toMatchObject({
			category: 'COMPANY_NOT_FOUND',
			partial: { action: 'created' },
		});
		const [company] = await records(t.sb, 'companies');
		expect(company.associations.contacts).toHaveLength(1);
	});
});

describe('chaining', () => {
	test('Include Input Fields: the next node reads the row and the company id from $json', async () => {
		const rows = [
			{ 'company name': 'Acme', site: 'acme.com', email: 'a@acme.com' },
			{ 'company name': 'Beta', site: 'https://beta.io', email: 'b@beta.io' },
		];
		const companies = await runHubSpot(
			t.sb,
			op('company', 'upsert', {
				domain: '={{ $json.site }}',
				propertiesMode: 'define',
				propertyMapping: mapped({ name: "={{ $json['company name'] }}" }),
				options: { includeInputFields: true },
			}),
			rows,
		);
		expect(companies.outputs[0][1].json).toMatchObject({
			...rows[1],
			hubspot: { action: 'created', key: 'beta.io' },
		});
		const contacts = await runHubSpot(
			t.sb,
			op('contact', 'upsert', {
				associateWithCompany: 'companyId',
				companyId: '={{ $json.hubspot.id }}',
				propertiesMode: 'define',
			}),
			companies.outputs[0].map((item) => item.json),
		);
		expect(contacts.outputs[1]).toEqual([]);
		const stored = await records(t.sb, 'companies');
		expect(stored.map((c) => c.properties.name).sort()).toEqual(['Acme', 'Beta']);
		expect(stored.every((c) => c.associations.contacts?.length === 1)).toBe(true);
	});
});

describe('properties', () => {
	test('list and create (unique values included); a duplicate name fails that item', async () => {
		const listed = await runHubSpot(
			t.sb,
			op('property', 'list', { propertyObjectType: 'contacts' }),
			[{}],
		);
		expect(listed.outputs[0].map((i) => i.json.name)).toContain('email');
		const created = await runHubSpot(
			t.sb,
			op('property', 'create', {
				propertyObjectType: 'contacts',
				propertyName: '={{ $json.name }}',
				propertyLabel: 'Clay ID',
				hasUniqueValue: true,
			}),
			[{ name: 'clay_id' }, { name: 'clay_id2' }],
		);
		expect(created.outputs[0].map((i) => [i.json.name, i.json.hasUniqueValue])).toEqual([
			['clay_id', true],
			['clay_id2', true],
		]);
		const clash = await runHubSpot(
			t.sb,
			op('property', 'create', { propertyObjectType: 'contacts', propertyName: 'firstname' }),
			[{}],
		);
		expect(clash.outputs[0][0].json.action).toBe('exists');
	});
});
