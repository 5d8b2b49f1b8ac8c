import { useSandbox } from '../helpers/client';

const t = useSandbox({ hubspotLimits: false });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HubSpot objects', () => {
	it('creates a company with 201, string values and system properties', async () => {
		const res = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { name: 'Acme', domain: 'acme.com', numberofemployees: 50 },
		});
		expect(res.status).toBe(201);
		expect(res.headers.get('x-hubspot-correlation-id')).toMatch(UUID);
		expect(res.body).toEqual({
			id: expect.stringMatching(/^\d+$/),
			properties: expect.objectContaining({
				name: 'Acme',
				domain: 'acme.com',
				numberofemployees: '50',
				hs_object_id: res.body.id,
				createdate: '2025-03-01T12:00:00.000Z',
				hs_lastmodifieddate: '2025-03-01T12:00:00.000Z',
			}),
			createdAt: '2025-03-01T12:00:00.000Z',
			updatedAt: '2025-03-01T12:00:00.000Z',
			archived: false,
		});
	});

	it('reads default properties, or the requested ones plus the system trio, with null for unset', async () => {
		const { body: created } = await t.hs('POST', '/crm/v3/objects/contacts', {
			properties: { email: 'Jane@Example.com', firstname: 'Jane' },
		});
		const plain = await t.hs('GET', `/crm/v3/objects/contacts/${created.id}`);
		expect(plain.body.properties).toEqual({
			createdate: '2025-03-01T12:00:00.000Z',
			email: 'jane@example.com',
			firstname: 'Jane',
			hs_object_id: created.id,
			lastmodifieddate: '2025-03-01T12:00:00.000Z',
			lastname: null,
		});
		const some = await t.hs(
			'GET',
			`/crm/v3/objects/contacts/${created.id}?properties=firstname,jobtitle,nosuchprop`,
		);
		expect(some.body.properties).toEqual({
			firstname: 'Jane',
			jobtitle: null,
			hs_object_id: created.id,
			createdate: '2025-03-01T12:00:00.000Z',
			lastmodifieddate: '2025-03-01T12:00:00.000Z',
		});
	});

	it('keeps property history, newest first, for propertiesWithHistory', async () => {
		const { body: created } = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { name: 'Acme' },
		});
		t.sb.tick(1000);
		const updated = await t.hs('PATCH', `/crm/v3/objects/companies/${created.id}`, {
			properties: { name: 'Acme Inc' },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.properties.name).toBe('Acme Inc');
		expect(updated.body.updatedAt).toBe('2025-03-01T12:00:01.000Z');
		const res = await t.hs(
			'GET',
			`/crm/v3/objects/companies/${created.id}?propertiesWithHistory=name`,
		);
		expect(res.body.propertiesWithHistory.name).toEqual([
			{
				value: 'Acme Inc',
				timestamp: '2025-03-01T12:00:01.000Z',
				sourceType: 'INTEGRATION',
				sourceId: expect.any(String),
			},
			{
				value: 'Acme',
				timestamp: '2025-03-01T12:00:00.000Z',
				sourceType: 'INTEGRATION',
				sourceId: expect.any(String),
			},
		]);
	});

	it('reads and updates by a unique idProperty and refuses a non-unique one', async () => {
		await t.hs('POST', '/crm/v3/objects/contacts', {
			properties: { email: 'a@b.co', firstname: 'A' },
		});
		const byEmail = await t.hs(
			'GET',
			'/crm/v3/objects/contacts/A@B.co?idProperty=email&properties=firstname',
		);
		expect(byEmail.status).toBe(200);
		expect(byEmail.body.properties.firstname).toBe('A');
		const patched = await t.hs('PATCH', '/crm/v3/objects/contacts/a@b.co?idProperty=email', {
			properties: { firstname: 'B' },
		});
		expect(patched.body.properties.firstname).toBe('B');
		await t.hs('POST', '/crm/v3/objects/companies', { properties: { domain: 'acme.com' } });
		const byDomain = await t.hs('GET', '/crm/v3/objects/companies/acme.com?idProperty=domain');
		expect(byDomain.status).toBe(400);
		expect(byDomain.body.category).toBe('VALIDATION_ERROR');
	});

	it('archives with 204; the record is then 404 unless archived=true', async () => {
		const { body: created } = await t.hs('POST', '/crm/v3/objects/deals', {
			properties: { dealname: 'Big', amount: '1000' },
		});
		const del = await t.hs('DELETE', `/crm/v3/objects/deals/${created.id}`);
		expect(del.status).toBe(204);
		expect(del.text).toBe('');
		const gone = await t.hs('GET', `/crm/v3/objects/deals/${created.id}`);
		expect(gone.status).toBe(404);
		expect(gone.body).toEqual({
			status: 'error',
			message: expect.any(String),
			correlationId: gone.headers.get('x-hubspot-correlation-id'),
			context: { id: [created.id] },
			category: 'OBJECT_NOT_FOUND',
		});
		const archived = await t.hs('GET', `/crm/v3/objects/deals/${created.id}?archived=true`);
		expect(archived.body).toMatchObject({ archived: true, archivedAt: expect.any(String) });
	});

	it('lists with limit and after paging until no paging.next', async () => {
		for (let i = 0; i < 5; i++)
			await t.hs('POST', '/crm/v3/objects/companies', { properties: { name: `C${i}` } });
		const seen: string[] = [];
		let after: string | undefined;
		let pages = 0;
		do {
			const res = await t.hs(
				'GET',
				`/crm/v3/objects/companies?limit=2&properties=name${after ? `&after=${after}` : ''}`,
			);
			expect(res.status).toBe(200);
			seen.push(
				...res.body.results.map((r: { properties: { name: string } }) => r.properties.name),
			);
			after = res.body.paging?.next.after;
			pages++;
		} while (after);
		expect(seen).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
		expect(pages).toBe(3);
	});

	it('answers bad property values with one VALIDATION_ERROR listing each', async () => {
		const res = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: {
				name: 'X',
				nosuch: 'y',
				numberofemployees: 'many',
				lifecyclestage: 'bogus',
				hs_object_id: '5',
			},
		});
		expect(res.status).toBe(400);
		expect(res.body.category).toBe('VALIDATION_ERROR');
		expect(res.body.message).toMatch(/^Property values were not valid: \[/);
		expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual([
			'INVALID_DECIMAL',
			'INVALID_OPTION',
			'PROPERTY_DOESNT_EXIST',
			'READ_ONLY_VALUE',
		]);
		const count = await t.hs('GET', '/crm/v3/objects/companies');
		expect(count.body.results).toHaveLength(0);
	});

	it('keeps contacts unique by email: 409 CONFLICT naming the existing id', async () => {
		const { body: first } = await t.hs('POST', '/crm/v3/objects/contacts', {
			properties: { email: 'dup@x.io' },
		});
		const res = await t.hs('POST', '/crm/v3/objects/contacts', {
			properties: { email: 'DUP@x.io' },
		});
		expect(res.status).toBe(409);
		expect(res.body).toMatchObject({
			status: 'error',
			category: 'CONFLICT',
			message: `Contact already exists. Existing ID: ${first.id}`,
		});
	});

	it('enforces hasUniqueValue properties on create and update', async () => {
		const prop = await t.hs('POST', '/crm/v3/properties/companies', {
			name: 'normalized_domain',
			label: 'Normalized domain',
			type: 'string',
			fieldType: 'text',
			groupName: 'companyinformation',
			hasUniqueValue: true,
		});
		expect(prop.status).toBe(201);
		expect(prop.body).toMatchObject({ name: 'normalized_domain', hasUniqueValue: true });
		const { body: a } = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { normalized_domain: 'acme.com' },
		});
		const { body: b } = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { normalized_domain: 'other.com' },
		});
		const clash = await t.hs('POST', '/crm/v3/objects/companies', {
			properties: { normalized_domain: 'acme.com' },
		});
		expect(clash.status).toBe(409);
		expect(clash.body.message).toContain(`Existing ID: ${a.id}`);
		const clashOnUpdate = await t.hs('PATCH', `/crm/v3/objects/companies/${b.id}`, {
			properties: { normalized_domain: 'acme.com' },
		});
		expect(clashOnUpdate.status).toBe(409);
		// Freed when the owner is archived.
		await t.hs('DELETE', `/crm/v3/objects/companies/${a.id}`);
		const reuse = await t.hs('PATCH', `/crm/v3/objects/companies/${b.id}`, {
			properties: { normalized_domain: 'acme.com' },
		});
		expect(reuse.status).toBe(200);
	});

	it('lists, reads and rejects duplicate property definitions', async () => {
		const list = await t.hs('GET', '/crm/v3/properties/contacts');
		expect(list.status).toBe(200);
		expect(list.body.results.map((p: { name: string }) => p.name)).toEqual(
			expect.arrayContaining(['email', 'firstname', 'hs_object_id']),
		);
		const one = await t.hs('GET', '/crm/v3/properties/deals/dealstage');
		expect(one.body).toMatchObject({
			name: 'dealstage',
			type: 'enumeration',
			options: expect.arrayContaining([expect.objectContaining({ value: 'closedwon' })]),
		});
		const dup = await t.hs('POST', '/crm/v3/properties/contacts', {
			name: 'email',
			label: 'E',
			type: 'string',
			fieldType: 'text',
			groupName: 'g',
		});
		expect(dup.status).toBe(409);
		const missing = await t.hs('POST', '/crm/v3/properties/contacts', { name: 'x_y' });
		expect(missing.status).toBe(400);
		expect(missing.body.category).toBe('VALIDATION_ERROR');
	});

	it('supports custom objects by type id, with required properties', async () => {
		const schema = await t.hs('POST', '/crm/v3/schemas', {
			name: 'signals',
			labels: { singular: 'Signal', plural: 'Signals' },
			primaryDisplayProperty: 'signal_key',
			requiredProperties: ['signal_key'],
			properties: [
				{ name: 'signal_key', label: 'Key', type: 'string', hasUniqueValue: true },
				{ name: 'score', label: 'Score', type: 'number' },
			],
			associatedObjects: ['COMPANY'],
		});
		expect(schema.status).toBe(201);
		const typeId = schema.body.objectTypeId;
		expect(typeId).toMatch(/^2-\d+$/);
		const noKey = await t.hs('POST', `/crm/v3/objects/${typeId}`, { properties: { score: 3 } });
		expect(noKey.status).toBe(400);
		const ok = await t.hs('POST', `/crm/v3/objects/${typeId}`, {
			properties: { signal_key: 'k1', score: 3 },
		});
		expect(ok.status).toBe(201);
		const byKey = await t.hs(
			'GET',
			`/crm/v3/objects/${typeId}/k1?idProperty=signal_key&properties=score`,
		);
		expect(byKey.body.properties.score).toBe('3');
	});
});
