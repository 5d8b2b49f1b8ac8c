import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../sandbox/server';
import { call, hubspotApi, useSandbox } from './helpers/client';

describe('admin API', () => {
	const t = useSandbox();

	it('reports its base URLs', async () => {
		const res = await t.admin('GET', '/health');
		expect(res.body).toEqual({
			ok: true,
			hubspot: t.sb.hubspotUrl,
			slack: t.sb.slackUrl,
			clay: t.sb.clayUrl,
			admin: t.sb.adminUrl,
			proxy: {
				url: t.sb.url,
				hosts: ['slack.com', 'hooks.slack.com', 'api.hubapi.com', 'api.clay.com'],
				caCert: `${t.sb.adminUrl}/proxy/ca.pem`,
			},
		});
		expect(t.sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('seeds records, properties and associations, then dumps them; reset empties it all', async () => {
		const seeded = await t.admin('POST', '/seed', {
			hubspot: {
				properties: {
					companies: [
						{
							name: 'domain_key',
							label: 'Domain key',
							type: 'string',
							fieldType: 'text',
							groupName: 'companyinformation',
							hasUniqueValue: true,
						},
					],
				},
				records: {
					companies: [{ name: 'Acme', domain_key: 'acme.com' }],
					contacts: [{ email: 'a@acme.com' }],
				},
				associations: [
					{ from: { type: 'contacts', index: 0 }, to: { type: 'companies', index: 0 } },
				],
			},
			slack: { channels: [{ name: 'sales' }], webhooks: [{ channel: 'sales' }] },
			clay: { sources: [{ id: 'src1', tableId: 'tbl1' }], rows: { tbl1: [{ a: 1 }] } },
		});
		expect(seeded.status).toBe(201);
		const companyId = seeded.body.hubspot.companies[0];
		const read = await hubspotApi(t.sb)(
			'GET',
			`/crm/v3/objects/companies/acme.com?idProperty=domain_key&associations=contacts`,
		);
		expect(read.body.id).toBe(companyId);
		expect(read.body.associations.contacts.results[0].id).toBe(seeded.body.hubspot.contacts[0]);
		const hook = await call(`${t.sb.url}${seeded.body.slack.webhooks[0]}`, 'POST', { text: 'hi' });
		expect(hook.text).toBe('ok');
		const dump = await t.admin('GET', '/dump');
		expect(dump.body.hubspot.records.map((r: { id: string }) => r.id).sort()).toEqual(
			[companyId, seeded.body.hubspot.contacts[0]].sort(),
		);
		expect(dump.body.slack.messages).toHaveLength(1);
		expect(dump.body.clay.tables.find((t: { id: string }) => t.id === 'tbl1').rows).toHaveLength(1);
		expect((await t.admin('POST', '/reset')).status).toBe(200);
		expect((await t.admin('GET', '/dump?system=hubspot')).body.records).toEqual([]);
	});

	it('refuses a bad seed with 400 and a reason', async () => {
		const res = await t.admin('POST', '/seed', {
			hubspot: { records: { companies: [{ nosuch: 1 }] } },
		});
		expect(res.status).toBe(400);
		expect(res.body.error).toMatch(/does not exist/);
	});

	it('moves the sandbox clock forward', async () => {
		const before = (await t.admin('GET', '/clock')).body.now;
		const after = (await t.admin('POST', '/clock/advance', { ms: 10_000 })).body.now;
		expect(after - before).toBe(10_000);
	});

	it('answers unknown prefixes and admin routes with 404', async () => {
		expect((await call(`${t.sb.url}/nothing`, 'GET')).status).toBe(404);
		expect((await t.admin('GET', '/nothing')).status).toBe(404);
	});
});

describe('snapshot file', () => {
	it('is written at close and loaded at the next start', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
		const snapshotFile = join(dir, 'state.json');
		try {
			const first = await startSandbox({ port: 0, snapshotFile });
			const created = await hubspotApi(first)('POST', '/crm/v3/objects/contacts', {
				properties: { email: 'keep@x.io' },
			});
			await first.close();
			const second = await startSandbox({ port: 0, snapshotFile });
			try {
				const read = await hubspotApi(second)(
					'GET',
					'/crm/v3/objects/contacts/keep@x.io?idProperty=email',
				);
				expect(read.body.id).toBe(created.body.id);
				const next = await hubspotApi(second)('POST', '/crm/v3/objects/contacts', {
					properties: { email: 'new@x.io' },
				});
				expect(Number(next.body.id)).toBeGreaterThan(Number(created.body.id));
				const dup = await hubspotApi(second)('POST', '/crm/v3/objects/contacts', {
					properties: { email: 'keep@x.io' },
				});
				expect(dup.status).toBe(409);
			} finally {
				await second.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
