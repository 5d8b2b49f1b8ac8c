// The flagship recipe against the sandbox HubSpot: "look up the company by domain; update it if it
// exists, else create it, and upsert the contact associated with it" — under injected 429s and
// 5xx, across concurrent executions, and as a dry run.
import type { INodeParameters } from 'n8n-workflow';
import { clayRows } from '../../fixtures/clayRows';
import { companyKey } from '../../../nodes/shared/upsert';
import {
	admin,
	FAST,
	pairedIndexes,
	records,
	requestLog,
	mapped,
	runHubSpot,
	useHubSpotSandbox,
} from '../helpers/hubspotSandbox';

// Thousands of rows through n8n's engine and real HTTP: a cap for a hung run, not a speed target.
jest.setTimeout(120_000);

const t = useHubSpotSandbox();

const companyUpsert = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'company',
	operation: 'upsert',
	domain: '={{ $json.domain }}',
	propertiesMode: 'define',
	propertyMapping: mapped({ name: '={{ $json.company_name }}' }),
	...extra,
	options: { ...FAST, ...((extra.options as INodeParameters) ?? {}) },
});

const contactUpsert: INodeParameters = {
	resource: 'contact',
	operation: 'upsert',
	email: '={{ $json.email }}',
	associateWithCompany: 'companyId',
	companyId: '={{ $json.companyId }}',
	options: { ...FAST, excludeFields: 'companyId' },
};

/** Every input index appears exactly once across Success and Errors. */
function expectAccountedFor(run: Awaited<ReturnType<typeof runHubSpot>>, count: number) {
	const [success, errors] = pairedIndexes(run);
	expect([...success, ...errors].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
}

describe('company + contact upsert (the flagship recipe)', () => {
	test('2,500 rows with 10 % 429s and 3 % 5xx: one company per normalized domain, every row accounted for', async () => {
		const rows = clayRows({
			rows: 2500,
			companies: 700,
			freeMailShare: 0.03,
			invalidShare: 0.01,
			seed: 11,
		});
		await admin(t.sb, 'PUT', '/faults', {
			rateLimit429: 0.1,
			serverError500: 0.03,
			systems: ['hubspot'],
			seed: 3,
		});

		// Smaller batches make more calls, so both fault kinds are sure to be hit.
		const companies = await runHubSpot(t.sb, companyUpsert({ options: { batchSize: 25 } }), rows);
		expect(companies.error).toBeUndefined();
		expectAccountedFor(companies, rows.length);
		const expectedKeys = new Set(
			rows.map((r) => companyKey(r.domain)).flatMap((k) => ('key' in k ? [k.key] : [])),
		);
		// Only rows without a usable company domain fail; every retryable fault was absorbed.
		const [, failed] = companies.outputs;
		expect(new Set(failed.map((item) => item.json.category))).toEqual(
			new Set(['FREE_MAIL_DOMAIN', 'INVALID_DOMAIN']),
		);
		expect(companies.outputs[0]).toHaveLength(
			rows.filter((r) => 'key' in companyKey(r.domain)).length,
		);

		const stored = await records(t.sb, 'companies');
		expect(stored.map((c) => c.properties.domain).sort()).toEqual([...expectedKeys].sort());

		// Contacts of the rows whose company was written, associated with that company.
		const companyIdByRow = new Map(
			companies.outputs[0].map((item) => [
				(item.pairedItem as { item: number }).item,
				String(item.json.id),
			]),
		);
		const contactRows = [...companyIdByRow].map(([row, companyId]) => ({
			...rows[row],
			companyId,
		}));
		const contacts = await runHubSpot(
			t.sb,
			{ ...contactUpsert, options: { ...FAST, excludeFields: 'companyId', batchSize: 25 } },
			contactRows,
		);
		expect(contacts.error).toBeUndefined();
		expectAccountedFor(contacts, contactRows.length);
		expect(contacts.outputs[1]).toEqual([]);

		const storedContacts = await records(t.sb, 'contacts');
		expect(storedContacts).toHaveLength(
			new Set(contactRows.map((r) => r.email.toLowerCase())).size,
		);
		const byEmail = new Map(storedContacts.map((c) => [c.properties.email, c]));
		for (const row of contactRows) {
			const contact = byEmail.get(row.email.toLowerCase())!;
			expect(contact.associations.companies?.map((a) => a.toId)).toContain(row.companyId);
		}

		const log = await requestLog(t.sb);
		expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		expect(log.filter((r) => r.status >= 500).length).toBeGreaterThan(0);
	});

	test('a second run over the same rows updates, creating nothing', async () => {
		const rows = clayRows({ rows: 300, companies: 120, seed: 5 });
		await runHubSpot(t.sb, companyUpsert(), rows);
		const again = await runHubSpot(
			t.sb,
			companyUpsert(),
			rows.map((r) => ({ ...r, company_name: `${r.company_name} GmbH` })),
		);
		expect(new Set(again.outputs[0].map((item) => item.json.action))).toEqual(new Set(['updated']));
		const stored = await records(t.sb, 'companies');
		expect(stored).toHaveLength(120);
		expect(stored.every((c) => c.properties.name.endsWith(' GmbH'))).toBe(true);
	});

	test('unique-key mode: two executions upserting the same 500 domains at once create no duplicates', async () => {
		const setup = await runHubSpot(t.sb, companyUpsert({ operation: 'createKeyProperty' }), [{}]);
		expect(setup.outputs[0][0].json).toMatchObject({
			action: 'created',
			name: 'revops_domain_key',
			hasUniqueValue: true,
		});

		const rows = clayRows({ rows: 500, companies: 500, seed: 9 });
		const reversed = [...rows].reverse();
		const unique = companyUpsert({ upsertMode: 'uniqueKey', options: { batchSize: 50 } });
		const [a, b] = await Promise.all([
			runHubSpot(t.sb, unique, rows),
			runHubSpot(t.sb, unique, reversed),
		]);
		for (const run of [a, b]) {
			expect(run.error).toBeUndefined();
			expectAccountedFor(run, 500);
			expect(run.outputs[1]).toEqual([]);
		}
		const stored = await records(t.sb, 'companies');
		expect(stored).toHaveLength(500);
		expect(new Set(stored.map((c) => c.properties.revops_domain_key)).size).toBe(500);
		expect(stored.every((c) => c.properties.revops_domain_key === c.properties.domain)).toBe(true);
		// Both runs name the same company for a domain.
		const idOf = (run: typeof a, row: number) =>
			run.outputs[0].find((i) => (i.pairedItem as { item: number }).item === row)!.json.id;
		expect(idOf(a, 0)).toBe(idOf(b, 499));
	});

	test('creating the key property again reports it as existing', async () => {
		await runHubSpot(t.sb, companyUpsert({ operation: 'createKeyProperty' }), [{}]);
		const again = await runHubSpot(t.sb, companyUpsert({ operation: 'createKeyProperty' }), [{}]);
		expect(again.outputs[0][0].json).toMatchObject({ action: 'exists', hasUniqueValue: true });
	});

	test('dry run reports what would be created or updated and writes nothing', async () => {
		await admin(t.sb, 'POST', '/seed', {
			hubspot: { records: { companies: [{ name: 'Old Name', domain: 'company-0.com' }] } },
		});
		const rows = clayRows({ rows: 50, companies: 20, seed: 2 });
		await admin(t.sb, 'DELETE', '/requests');

		const run = await runHubSpot(t.sb, companyUpsert({ options: { dryRun: true } }), rows);
		expectAccountedFor(run, 50);
		const actions = run.outputs[0].map((item) => item.json.action);
		expect(new Set(actions)).toEqual(new Set(['wouldCreate', 'wouldUpdate']));
		const row0 = run.outputs[0].find((item) => item.json.key === 'company-0.com')!;
		expect(row0.json).toMatchObject({ action: 'wouldUpdate', wouldWrite: { name: 'Company 0' } });

		const contacts = await runHubSpot(
			t.sb,
			{ ...contactUpsert, options: { ...FAST, dryRun: true } },
			rows,
		);
		expect(new Set(contacts.outputs[0].map((item) => item.json.action))).toEqual(
			new Set(['wouldCreate']),
		);

		expect(await records(t.sb, 'companies')).toHaveLength(1);
		expect(await records(t.sb, 'contacts')).toHaveLength(0);
		const writes = (await requestLog(t.sb)).filter(
			(r) => r.method !== 'GET' && !/\/search$|\/batch\/read$/.test(r.path),
		);
		expect(writes).toEqual([]);
	});
});
