import { useSandbox } from '../helpers/client';

const t = useSandbox({ hubspotLimits: false });
let company: string;
let contacts: string[];

beforeEach(async () => {
	company = (await t.hs('POST', '/crm/v3/objects/companies', { properties: { name: 'Acme' } })).body
		.id;
	const created = await t.hs('POST', '/crm/v3/objects/contacts/batch/create', {
		inputs: [{ properties: { email: 'a@acme.com' } }, { properties: { email: 'b@acme.com' } }],
	});
	contacts = created.body.results.map((r: { id: string }) => r.id);
});

const v4 = '/crm/v4/objects';
const listFromContact = (id: string) => t.hs('GET', `${v4}/contacts/${id}/associations/companies`);

describe('HubSpot associations v4', () => {
	it('associates default with 200 and both directions in the results', async () => {
		const res = await t.hs(
			'PUT',
			`${v4}/contacts/${contacts[0]}/associations/default/companies/${company}`,
		);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			status: 'COMPLETE',
			results: [
				{
					from: { id: contacts[0] },
					to: { id: company },
					associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 },
				},
				{
					from: { id: company },
					to: { id: contacts[0] },
					associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 280 },
				},
			],
		});
		expect((await listFromContact(contacts[0])).body.results).toEqual([
			{
				toObjectId: Number(company),
				associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 279, label: null }],
			},
		]);
	});

	it('creates a labelled (primary) association with 201; it brings the unlabeled one', async () => {
		const res = await t.hs(
			'PUT',
			`${v4}/contacts/${contacts[0]}/associations/companies/${company}`,
			[{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
		);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			fromObjectTypeId: '0-1',
			fromObjectId: Number(contacts[0]),
			toObjectTypeId: '0-2',
			toObjectId: Number(company),
			labels: ['Primary'],
		});
		const types = (await listFromContact(contacts[0])).body.results[0].associationTypes.map(
			(t: { typeId: number }) => t.typeId,
		);
		expect(types).toEqual([1, 279]);
		const reverse = await t.hs('GET', `${v4}/companies/${company}/associations/contacts`);
		expect(
			reverse.body.results[0].associationTypes.map((t: { typeId: number }) => t.typeId),
		).toEqual([2, 280]);
	});

	it('refuses a type id that does not join the two object types, and unknown records', async () => {
		const wrong = await t.hs(
			'PUT',
			`${v4}/contacts/${contacts[0]}/associations/companies/${company}`,
			[{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 280 }],
		);
		expect(wrong.status).toBe(400);
		const missing = await t.hs(
			'PUT',
			`${v4}/contacts/${contacts[0]}/associations/default/companies/4242`,
		);
		expect(missing.status).toBe(404);
	});

	it('removes an association in both directions with 204', async () => {
		await t.hs('PUT', `${v4}/contacts/${contacts[0]}/associations/default/companies/${company}`);
		const del = await t.hs(
			'DELETE',
			`${v4}/companies/${company}/associations/contacts/${contacts[0]}`,
		);
		expect(del.status).toBe(204);
		expect((await listFromContact(contacts[0])).body.results).toEqual([]);
	});

	it('batch-creates (201), reads (207 for ids without links) and archives (204)', async () => {
		const created = await t.hs('POST', '/crm/v4/associations/contacts/companies/batch/create', {
			inputs: contacts.map((id) => ({
				from: { id },
				to: { id: company },
				types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }],
			})),
		});
		expect(created.status).toBe(201);
		expect(created.body.results).toHaveLength(2);
		const read = await t.hs('POST', '/crm/v4/associations/companies/contacts/batch/read', {
			inputs: [{ id: company }, { id: '77' }],
		});
		expect(read.status).toBe(207);
		expect(read.body.results).toEqual([
			{
				from: { id: company },
				to: contacts.map((id) => ({
					toObjectId: Number(id),
					associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: null }],
				})),
			},
		]);
		expect(read.body.errors[0]).toMatchObject({
			status: 'error',
			category: 'OBJECT_NOT_FOUND',
			context: { fromObjectId: ['77'] },
		});
		const archived = await t.hs('POST', '/crm/v4/associations/companies/contacts/batch/archive', {
			inputs: [{ from: { id: company }, to: [{ id: contacts[0] }] }],
		});
		expect(archived.status).toBe(204);
		expect((await listFromContact(contacts[0])).body.results).toEqual([]);
		expect((await listFromContact(contacts[1])).body.results).toHaveLength(1);
	});

	it('batch-associates default with 200, and reports bad inputs with 207', async () => {
		const res = await t.hs(
			'POST',
			'/crm/v4/associations/contacts/companies/batch/associate/default',
			{
				inputs: [
					{ from: { id: contacts[0] }, to: { id: company } },
					{ from: { id: '404' }, to: { id: company } },
				],
			},
		);
		expect(res.status).toBe(207);
		expect(res.body.results).toHaveLength(2);
		expect(res.body.errors).toHaveLength(1);
		const ok = await t.hs(
			'POST',
			'/crm/v4/associations/contacts/companies/batch/associate/default',
			{
				inputs: [{ from: { id: contacts[1] }, to: { id: company } }],
			},
		);
		expect(ok.status).toBe(200);
	});

	it('expands v3 reads with associations= and forgets links of archived records', async () => {
		await t.hs('PUT', `${v4}/contacts/${contacts[0]}/associations/default/companies/${company}`);
		const read = await t.hs('GET', `/crm/v3/objects/companies/${company}?associations=contacts`);
		expect(read.body.associations).toEqual({
			contacts: { results: [{ id: contacts[0], type: 'company_to_contact_unlabeled' }] },
		});
		await t.hs('DELETE', `/crm/v3/objects/contacts/${contacts[0]}`);
		expect(
			(await t.hs('GET', `${v4}/companies/${company}/associations/contacts`)).body.results,
		).toEqual([]);
	});

	it("lists HubSpot's built-in labels between contacts, companies and deals, each way", async () => {
		const labels = async (from: string, to: string) =>
			(await t.hs('GET', `/crm/v4/associations/${from}/${to}/labels`)).body.results.sort(
				(a: { typeId: number }, b: { typeId: number }) => a.typeId - b.typeId,
			);
		const hubspot = (typeId: number, label: string | null = null) => ({
			category: 'HUBSPOT_DEFINED',
			typeId,
			label,
		});
		expect(await labels('contacts', 'companies')).toEqual([hubspot(1, 'Primary'), hubspot(279)]);
		expect(await labels('companies', 'contacts')).toEqual([hubspot(2, 'Primary'), hubspot(280)]);
		expect(await labels('deals', 'companies')).toEqual([hubspot(5, 'Primary'), hubspot(341)]);
		expect(await labels('companies', 'deals')).toEqual([hubspot(6, 'Primary'), hubspot(342)]);
		expect(await labels('deals', 'contacts')).toEqual([hubspot(3)]);
		expect(await labels('contacts', 'deals')).toEqual([hubspot(4)]);
	});

	it('lists and creates association labels', async () => {
		const created = await t.hs('POST', '/crm/v4/associations/contacts/companies/labels', {
			label: 'Champion',
			name: 'champion',
		});
		expect(created.status).toBe(200);
		const typeId = created.body.results[0].typeId;
		const labels = await t.hs('GET', '/crm/v4/associations/contacts/companies/labels');
		expect(labels.body.results).toEqual(
			expect.arrayContaining([
				{ category: 'USER_DEFINED', typeId, label: 'Champion' },
				{ category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
			]),
		);
		const res = await t.hs(
			'PUT',
			`${v4}/contacts/${contacts[1]}/associations/companies/${company}`,
			[{ associationCategory: 'USER_DEFINED', associationTypeId: typeId }],
		);
		expect(res.body.labels).toEqual(['Champion']);
	});
});
