// Conformance: the official @hubspot/api-client parses every sandbox answer it gets for the
// operations the nodes use, including 207 batches, search paging and typed errors.
import { Client } from '@hubspot/api-client';
import { useSandbox } from '../helpers/client';

const t = useSandbox();
let client: Client;

beforeAll(() => {
	// The SDK waits 10 s and retries on 429: no retries, and limits high enough for this suite.
	client = new Client({
		accessToken: 'pat-sandbox',
		basePath: t.sb.hubspotUrl,
		numberOfApiCallRetries: 0,
	});
});
beforeEach(() => {
	t.sb.state.hubspot.rateLimits.defaults = {
		...t.sb.state.hubspot.rateLimits.defaults,
		tenSecondly: 10_000,
		searchPerSecond: 1_000,
	};
});

describe('@hubspot/api-client against the sandbox', () => {
	it('creates, reads, updates, lists and archives companies', async () => {
		const created = await client.crm.companies.basicApi.create({
			properties: { name: 'Acme', domain: 'acme.com' },
			associations: [],
		});
		expect(created.id).toMatch(/^\d+$/);
		expect(created.createdAt).toBeInstanceOf(Date);
		const read = await client.crm.companies.basicApi.getById(created.id, ['name'], ['name']);
		expect(read.properties.name).toBe('Acme');
		expect(read.propertiesWithHistory?.name[0].value).toBe('Acme');
		expect(read.propertiesWithHistory?.name[0].timestamp).toBeInstanceOf(Date);
		const updated = await client.crm.companies.basicApi.update(created.id, {
			properties: { name: 'Acme Inc' },
		});
		expect(updated.properties.name).toBe('Acme Inc');
		await client.crm.companies.basicApi.create({ properties: { name: 'Beta' }, associations: [] });
		const page = await client.crm.companies.basicApi.getPage(1, undefined, ['name']);
		expect(page.results).toHaveLength(1);
		expect(page.paging?.next?.after).toBeDefined();
		const all = await client.crm.companies.getAll(1, undefined, ['name']);
		expect(all.map((c) => c.properties.name)).toEqual(['Acme Inc', 'Beta']);
		await client.crm.companies.basicApi.archive(created.id);
		await expect(client.crm.companies.basicApi.getById(created.id)).rejects.toMatchObject({
			code: 404,
		});
	});

	it('searches with paging and total', async () => {
		await client.crm.contacts.batchApi.create({
			inputs: Array.from({ length: 5 }, (_, i) => ({
				properties: { email: `p${i}@x.io`, firstname: 'P' },
				associations: [],
			})),
		});
		const request = {
			filterGroups: [
				{ filters: [{ propertyName: 'firstname', operator: 'EQ' as never, value: 'P' }] },
			],
			sorts: ['email'],
			properties: ['email'],
			limit: 2,
			after: '0',
		};
		const first = await client.crm.contacts.searchApi.doSearch(request);
		expect(first.total).toBe(5);
		expect(first.results.map((r) => r.properties.email)).toEqual(['p0@x.io', 'p1@x.io']);
		const second = await client.crm.contacts.searchApi.doSearch({
			...request,
			after: first.paging!.next!.after,
		});
		expect(second.results.map((r) => r.properties.email)).toEqual(['p2@x.io', 'p3@x.io']);
	});

	it('parses batch create, read (207), update (207) and upsert', async () => {
		const created = await client.crm.contacts.batchApi.create({
			inputs: [
				{ properties: { email: 'a@x.io' }, associations: [] },
				{ properties: { email: 'b@x.io' }, associations: [] },
			],
		});
		expect(created.status).toBe('COMPLETE');
		expect(created.results).toHaveLength(2);
		const ids = created.results.map((r) => r.id);
		const read = await client.crm.contacts.batchApi.read({
			inputs: [{ id: ids[0] }, { id: '999' }],
			properties: ['email'],
			propertiesWithHistory: [],
		});
		expect(read.results.map((r) => r.id)).toEqual([ids[0]]);
		expect('errors' in read && read.errors?.[0].category).toBe('OBJECT_NOT_FOUND');
		const updated = await client.crm.contacts.batchApi.update({
			inputs: [
				{ id: ids[1], properties: { firstname: 'B' } },
				{ id: '998', properties: { firstname: 'C' } },
			],
		});
		expect(updated.results[0].properties.firstname).toBe('B');
		expect('numErrors' in updated && updated.numErrors).toBe(1);
		const upserted = await client.crm.contacts.batchApi.upsert({
			inputs: [
				{ id: 'a@x.io', idProperty: 'email', properties: { lastname: 'A' } },
				{ id: 'z@x.io', idProperty: 'email', properties: {} },
			],
		});
		expect(upserted.results.map((r) => r._new)).toEqual([false, true]);
		await client.crm.contacts.batchApi.archive({ inputs: [{ id: ids[0] }] });
	});

	it('surfaces HubSpot errors as ApiException with the parsed body', async () => {
		await client.crm.contacts.basicApi.create({
			properties: { email: 'dup@x.io' },
			associations: [],
		});
		await expect(
			client.crm.contacts.basicApi.create({ properties: { email: 'dup@x.io' }, associations: [] }),
		).rejects.toMatchObject({
			code: 409,
			body: expect.objectContaining({
				category: 'CONFLICT',
				message: expect.stringContaining('Contact already exists. Existing ID: '),
			}),
		});
		const forbidden = new Client({ accessToken: 'pat-nope', basePath: t.sb.hubspotUrl });
		await expect(forbidden.crm.contacts.basicApi.getPage()).rejects.toMatchObject({ code: 401 });
	});

	it('creates and lists properties, and uses custom objects by type id', async () => {
		const prop = await client.crm.properties.coreApi.create('companies', {
			name: 'domain_key',
			label: 'Domain key',
			type: 'string' as never,
			fieldType: 'text' as never,
			groupName: 'companyinformation',
			hasUniqueValue: true,
		});
		expect(prop.hasUniqueValue).toBe(true);
		const all = await client.crm.properties.coreApi.getAll('companies');
		expect(all.results.map((p) => p.name)).toContain('domain_key');
		const schema = await client.crm.schemas.coreApi.create({
			name: 'signals',
			labels: { singular: 'Signal', plural: 'Signals' },
			requiredProperties: ['key'],
			properties: [{ name: 'key', label: 'Key', type: 'string' as never, fieldType: 'text' }],
			associatedObjects: ['COMPANY'],
		});
		const record = await client.crm.objects.basicApi.create(schema.objectTypeId!, {
			properties: { key: 'k1' },
			associations: [],
		});
		expect(record.properties.key).toBe('k1');
	});

	it('associates with the v4 API: default, labelled, list, batch and archive', async () => {
		const company = await client.crm.companies.basicApi.create({
			properties: { name: 'Acme' },
			associations: [],
		});
		const contact = await client.crm.contacts.basicApi.create({
			properties: { email: 'c@acme.com' },
			associations: [],
		});
		const other = await client.crm.contacts.basicApi.create({
			properties: { email: 'd@acme.com' },
			associations: [],
		});
		const def = await client.crm.associations.v4.basicApi.createDefault(
			'contacts',
			contact.id,
			'companies',
			company.id,
		);
		expect(def.results[0].associationSpec.associationTypeId).toBe(279);
		const labelled = await client.crm.associations.v4.basicApi.create(
			'contacts',
			contact.id,
			'companies',
			company.id,
			[{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 1 }],
		);
		expect(labelled.labels).toEqual(['Primary']);
		const page = await client.crm.associations.v4.basicApi.getPage(
			'companies',
			company.id,
			'contacts',
		);
		expect(page.results[0].associationTypes.map((t) => t.typeId)).toEqual([2, 280]);
		const batch = await client.crm.associations.v4.batchApi.create('contacts', 'companies', {
			inputs: [
				{
					_from: { id: other.id },
					to: { id: company.id },
					types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 279 }],
				},
			],
		});
		expect(batch.results).toHaveLength(1);
		const defaults = await client.crm.associations.v4.batchApi.createDefault('deals', 'companies', {
			inputs: [],
		});
		expect(defaults.status).toBe('COMPLETE');
		const read = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
			inputs: [{ id: company.id }],
		});
		expect(read.results[0].to).toHaveLength(2);
		expect(read.results[0]._from.id).toBe(company.id);
		await client.crm.associations.v4.batchApi.archive('companies', 'contacts', {
			inputs: [{ _from: { id: company.id }, to: [{ id: other.id }] }],
		});
		await client.crm.associations.v4.basicApi.archive(
			'contacts',
			contact.id,
			'companies',
			company.id,
		);
		const empty = await client.crm.associations.v4.basicApi.getPage(
			'companies',
			company.id,
			'contacts',
		);
		expect(empty.results).toEqual([]);
	});

	it('reports a 429 with its policy name', async () => {
		t.sb.state.hubspot.rateLimits.defaults.tenSecondly = 1;
		await client.crm.companies.basicApi.getPage();
		await expect(client.crm.companies.basicApi.getPage()).rejects.toMatchObject({
			code: 429,
			body: expect.objectContaining({ policyName: 'TEN_SECONDLY_ROLLING' }),
		});
	});
});
