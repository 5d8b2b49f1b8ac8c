// The legacy endpoints n8n's built-in HubSpot node calls, served over the same store, auth and limits.
import { useSandbox } from '../helpers/client';

const t = useSandbox({ hubspotLimits: false });

describe('HubSpot legacy v1/v2 endpoints', () => {
	test('company create, search by domain, update', async () => {
		const created = await t.hs('POST', '/companies/v2/companies', {
			properties: [
				{ name: 'name', value: 'Acme' },
				{ name: 'domain', value: 'acme.com' },
			],
		});
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({
			companyId: expect.any(Number),
			properties: { name: { value: 'Acme' } },
		});

		const found = await t.hs('POST', '/companies/v2/domains/ACME.com/companies', {
			requestOptions: {},
		});
		expect(found.body.results.map((c: { companyId: number }) => c.companyId)).toEqual([
			created.body.companyId,
		]);
		expect(
			(await t.hs('POST', '/companies/v2/domains/other.com/companies', {})).body.results,
		).toEqual([]);

		const updated = await t.hs('PUT', `/companies/v2/companies/${created.body.companyId}`, {
			properties: [{ name: 'name', value: 'Acme Inc' }],
		});
		expect(updated.body.properties.name.value).toBe('Acme Inc');
		expect(
			(await t.hs('GET', `/crm/v3/objects/companies/${created.body.companyId}`)).body.properties
				.name,
		).toBe('Acme Inc');
	});

	test('contact createOrUpdate by email, profile, and the v1 association batch', async () => {
		const company = await t.hs('POST', '/companies/v2/companies', {
			properties: [{ name: 'name', value: 'Acme' }],
		});
		const first = await t.hs('POST', '/contacts/v1/contact/createOrUpdate/email/Jo@acme.com', {
			properties: [{ property: 'firstname', value: 'Jo' }],
		});
		expect(first.body).toEqual({ vid: expect.any(Number), isNew: true });
		const again = await t.hs('POST', '/contacts/v1/contact/createOrUpdate/email/jo@acme.com', {
			properties: [{ property: 'lastname', value: 'Doe' }],
		});
		expect(again.body).toEqual({ vid: first.body.vid, isNew: false });

		const link = await t.hs('PUT', '/crm-associations/v1/associations/create-batch', [
			{
				fromObjectId: first.body.vid,
				toObjectId: company.body.companyId,
				category: 'HUBSPOT_DEFINED',
				definitionId: 1,
			},
		]);
		expect(link.status).toBe(204);
		const profile = await t.hs('GET', `/contacts/v1/contact/vid/${first.body.vid}/profile`);
		expect(profile.body.properties).toMatchObject({
			email: { value: 'jo@acme.com' },
			firstname: { value: 'Jo' },
			lastname: { value: 'Doe' },
		});
		const associations = await t.hs(
			'GET',
			`/crm/v4/objects/contacts/${first.body.vid}/associations/companies`,
		);
		expect(associations.body.results).toEqual([
			{
				toObjectId: company.body.companyId,
				associationTypes: expect.arrayContaining([expect.objectContaining({ typeId: 1 })]),
			},
		]);
	});
});
