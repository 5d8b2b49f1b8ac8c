import { hubspotApi, useSandbox } from '../helpers/client';

const t = useSandbox();

const listCompanies = (api = t.hs) => api('GET', '/crm/v3/objects/companies?limit=1');

describe('HubSpot auth and scopes', () => {
	it('answers 401 INVALID_AUTHENTICATION for a missing or unknown token', async () => {
		for (const headers of [{ authorization: '' }, { authorization: 'Bearer pat-unknown' }]) {
			const res = await t.hs('GET', '/crm/v3/objects/companies', undefined, headers);
			expect(res.status).toBe(401);
			expect(res.body).toMatchObject({
				status: 'error',
				category: 'INVALID_AUTHENTICATION',
				correlationId: res.headers.get('x-hubspot-correlation-id'),
			});
		}
	});

	it('answers 401 EXPIRED_AUTHENTICATION for an expired token', async () => {
		await t.admin('POST', '/hubspot/tokens', { token: 'pat-old', expired: true });
		expect((await listCompanies(hubspotApi(t.sb, 'pat-old'))).body.category).toBe(
			'EXPIRED_AUTHENTICATION',
		);
	});

	it('answers 403 MISSING_SCOPES naming the scope a token lacks', async () => {
		const reg = await t.admin('POST', '/hubspot/tokens', {
			token: 'pat-contacts',
			scopes: ['crm.objects.contacts.read'],
		});
		expect(reg.status).toBe(201);
		const api = hubspotApi(t.sb, 'pat-contacts');
		expect((await api('GET', '/crm/v3/objects/contacts')).status).toBe(200);
		const res = await listCompanies(api);
		expect(res.status).toBe(403);
		expect(res.body).toMatchObject({
			status: 'error',
			category: 'MISSING_SCOPES',
			errors: [
				{
					message: expect.any(String),
					context: { requiredGranularScopes: ['crm.objects.companies.read'] },
				},
			],
		});
		expect((await api('POST', '/crm/v3/objects/contacts', { properties: {} })).status).toBe(403);
	});
});
