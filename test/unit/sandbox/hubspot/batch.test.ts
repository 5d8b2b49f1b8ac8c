import { useSandbox } from '../helpers/client';

const t = useSandbox({ hubspotLimits: false });

const batch = (type: string, op: string, body: unknown) =>
	t.hs('POST', `/crm/v3/objects/${type}/batch/${op}`, body);
const countOf = async (type: string) =>
	(await t.hs('GET', `/crm/v3/objects/${type}?limit=100`)).body.results.length;

describe('HubSpot batch', () => {
	it('creates with 201 and the COMPLETE envelope', async () => {
		const res = await batch('companies', 'create', {
			inputs: [{ properties: { name: 'A' } }, { properties: { name: 'B' } }],
		});
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			status: 'COMPLETE',
			results: [
				expect.objectContaining({
					id: expect.any(String),
					properties: expect.objectContaining({ name: 'A' }),
				}),
				expect.objectContaining({ properties: expect.objectContaining({ name: 'B' }) }),
			],
			startedAt: expect.any(String),
			completedAt: expect.any(String),
		});
	});

	it('fails a whole create batch without objectWriteTraceIds, writing nothing', async () => {
		const { body: existing } = await t.hs('POST', '/crm/v3/objects/contacts', {
			properties: { email: 'taken@x.io' },
		});
		const res = await batch('contacts', 'create', {
			inputs: [{ properties: { email: 'new@x.io' } }, { properties: { email: 'taken@x.io' } }],
		});
		expect(res.status).toBe(409);
		expect(res.body).toMatchObject({
			category: 'CONFLICT',
			message: `Contact already exists. Existing ID: ${existing.id}`,
			correlationId: expect.any(String),
		});
		expect(await countOf('contacts')).toBe(1);
	});

	it('answers 207 per input when every input carries an objectWriteTraceId', async () => {
		const res = await batch('companies', 'create', {
			inputs: [
				{ objectWriteTraceId: 't1', properties: { name: 'Good' } },
				{ objectWriteTraceId: 't2', properties: { name: 'Bad', numberofemployees: 'lots' } },
			],
		});
		expect(res.status).toBe(207);
		expect(res.body.status).toBe('COMPLETE');
		expect(res.body.numErrors).toBe(1);
		expect(res.body.results).toEqual([
			expect.objectContaining({
				objectWriteTraceId: 't1',
				properties: expect.objectContaining({ name: 'Good' }),
			}),
		]);
		expect(res.body.errors).toEqual([
			expect.objectContaining({
				status: 'error',
				category: 'VALIDATION_ERROR',
				message: expect.stringContaining('INVALID_DECIMAL'),
				context: { objectWriteTraceId: ['t2'] },
			}),
		]);
		expect(await countOf('companies')).toBe(1);
	});

	it('reads by id or idProperty and reports missing ids in one 207 error', async () => {
		const { body: created } = await batch('contacts', 'create', {
			inputs: [{ properties: { email: 'a@x.io', firstname: 'A' } }],
		});
		const id = created.results[0].id;
		const res = await batch('contacts', 'read', {
			inputs: [{ id }, { id: '999' }, { id: '998' }],
			properties: ['firstname'],
			propertiesWithHistory: ['firstname'],
		});
		expect(res.status).toBe(207);
		expect(res.body.results[0]).toMatchObject({
			id,
			properties: { firstname: 'A' },
			propertiesWithHistory: { firstname: [expect.objectContaining({ value: 'A' })] },
		});
		expect(res.body.errors).toEqual([
			expect.objectContaining({
				status: 'error',
				category: 'OBJECT_NOT_FOUND',
				context: { ids: ['999', '998'] },
			}),
		]);
		const byEmail = await batch('contacts', 'read', {
			idProperty: 'email',
			inputs: [{ id: 'a@x.io' }],
			properties: ['firstname'],
		});
		expect(byEmail.status).toBe(200);
		expect(byEmail.body.results[0].id).toBe(id);
	});

	it('updates with 200, or 207 naming the inputs that failed', async () => {
		const { body: created } = await batch('deals', 'create', {
			inputs: [{ properties: { dealname: 'D1' } }, { properties: { dealname: 'D2' } }],
		});
		const [d1, d2] = created.results.map((r: { id: string }) => r.id);
		const ok = await batch('deals', 'update', {
			inputs: [{ id: d1, properties: { dealstage: 'closedwon' } }],
		});
		expect(ok.status).toBe(200);
		expect(ok.body.results[0].properties.dealstage).toBe('closedwon');
		const partial = await batch('deals', 'update', {
			inputs: [
				{ id: d2, properties: { amount: '10' }, objectWriteTraceId: 'a' },
				{ id: '12345', properties: { amount: '10' }, objectWriteTraceId: 'b' },
			],
		});
		expect(partial.status).toBe(207);
		expect(partial.body.results.map((r: { id: string }) => r.id)).toEqual([d2]);
		expect(partial.body.errors[0]).toMatchObject({
			category: 'OBJECT_NOT_FOUND',
			context: { ids: ['12345'], objectWriteTraceId: ['b'] },
		});
		const dup = await batch('deals', 'update', {
			inputs: [
				{ id: d1, properties: {} },
				{ id: d1, properties: {} },
			],
		});
		expect(dup.status).toBe(400);
	});

	it('upserts contacts by email: creates then updates, flagging new', async () => {
		const first = await batch('contacts', 'upsert', {
			inputs: [{ id: 'u@x.io', idProperty: 'email', properties: { firstname: 'U' } }],
		});
		expect(first.status).toBe(200);
		expect(first.body.results[0]).toMatchObject({
			new: true,
			properties: expect.objectContaining({ email: 'u@x.io', firstname: 'U' }),
		});
		const second = await batch('contacts', 'upsert', {
			inputs: [{ id: 'U@x.io', idProperty: 'email', properties: { firstname: 'V' } }],
		});
		expect(second.body.results[0]).toMatchObject({
			id: first.body.results[0].id,
			new: false,
			properties: expect.objectContaining({ firstname: 'V' }),
		});
		expect(await countOf('contacts')).toBe(1);
	});

	it('refuses upsert by a non-unique property (companies by domain) and accepts a unique one', async () => {
		const byDomain = await batch('companies', 'upsert', {
			inputs: [{ id: 'acme.com', idProperty: 'domain', properties: { name: 'Acme' } }],
		});
		expect(byDomain.status).toBe(400);
		expect(byDomain.body).toMatchObject({
			status: 'error',
			category: 'VALIDATION_ERROR',
			message: expect.stringContaining('non-unique property'),
		});
		expect(await countOf('companies')).toBe(0);
		await t.hs('POST', '/crm/v3/properties/companies', {
			name: 'domain_key',
			label: 'Domain key',
			type: 'string',
			fieldType: 'text',
			groupName: 'companyinformation',
			hasUniqueValue: true,
		});
		const inputs = [
			{
				id: 'acme.com',
				idProperty: 'domain_key',
				properties: { name: 'Acme', domain: 'acme.com' },
			},
		];
		expect((await batch('companies', 'upsert', { inputs })).body.results[0].new).toBe(true);
		expect((await batch('companies', 'upsert', { inputs })).body.results[0].new).toBe(false);
		expect(await countOf('companies')).toBe(1);
	});

	it('refuses more than 100 inputs and archives with 204', async () => {
		const tooMany = await batch('companies', 'create', {
			inputs: Array.from({ length: 101 }, () => ({ properties: {} })),
		});
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.category).toBe('VALIDATION_ERROR');
		const { body } = await batch('companies', 'create', {
			inputs: Array.from({ length: 100 }, (_, i) => ({ properties: { name: `N${i}` } })),
		});
		expect(body.results).toHaveLength(100);
		const archived = await batch('companies', 'archive', {
			inputs: body.results.slice(0, 60).map((r: { id: string }) => ({ id: r.id })),
		});
		expect(archived.status).toBe(204);
		expect(await countOf('companies')).toBe(40);
	});

	it('creates inline associations with a batch create', async () => {
		const { body: company } = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { name: 'Acme' },
		});
		const res = await batch('contacts', 'create', {
			inputs: [
				{
					properties: { email: 'c@acme.com' },
					associations: [
						{
							to: { id: company.id },
							types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }],
						},
					],
				},
			],
		});
		expect(res.status).toBe(201);
		const links = await t.hs(
			'GET',
			`/crm/v4/objects/companies/${company.id}/associations/contacts`,
		);
		expect(links.body.results).toEqual([
			{
				toObjectId: Number(res.body.results[0].id),
				associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 280, label: null }],
			},
		]);
	});
});
