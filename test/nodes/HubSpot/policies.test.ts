// Update policies: Clay blanks never erase CRM data; "fill empty" never changes a value HubSpot
// has; "last write wins" keeps HubSpot values changed after the row was produced.
import type { INodeParameters } from 'n8n-workflow';
import {
	admin,
	FAST,
	records,
	mapped,
	runHubSpot,
	useHubSpotSandbox,
} from '../helpers/hubspotSandbox';

const t = useHubSpotSandbox();

const row = { domain: 'https://www.acme.com', company_name: 'Acme', city: 'Berlin', phone: '' };

const upsert = (extra: INodeParameters): INodeParameters => ({
	resource: 'company',
	operation: 'upsert',
	propertiesMode: 'define',
	propertyMapping: mapped({
		name: '={{ $json.company_name }}',
		city: '={{ $json.city }}',
		phone: '={{ $json.phone }}',
	}),
	...extra,
	options: { ...FAST, ...((extra.options as INodeParameters) ?? {}) },
});

async function acme() {
	return (await records(t.sb, 'companies')).find((c) => c.properties.domain === 'acme.com')!
		.properties;
}

beforeEach(async () => {
	await admin(t.sb, 'POST', '/seed', {
		hubspot: {
			records: { companies: [{ name: 'Acme Corp', domain: 'acme.com', phone: '555-0100' }] },
		},
	});
});

describe('update policies', () => {
	test('overwrite writes new values; an empty input value is not sent', async () => {
		const run = await runHubSpot(t.sb, upsert({ updatePolicy: 'overwrite' }), [row]);
		expect(run.outputs[0][0].json).toMatchObject({ action: 'updated' });
		expect(await acme()).toMatchObject({ name: 'Acme', city: 'Berlin', phone: '555-0100' });
	});

	test('Send Empty Values clears the HubSpot value', async () => {
		await runHubSpot(
			t.sb,
			upsert({ updatePolicy: 'overwrite', options: { sendEmptyValues: true } }),
			[row],
		);
		expect((await acme()).phone ?? '').toBe('');
	});

	test('only fill empty fields: existing values stay, empty ones are filled', async () => {
		const run = await runHubSpot(t.sb, upsert({ updatePolicy: 'fillEmpty' }), [row]);
		expect(run.outputs[0][0].json).toMatchObject({
			action: 'updated',
			skipped: { name: 'hasValue', phone: 'blank' },
		});
		expect(await acme()).toMatchObject({ name: 'Acme Corp', city: 'Berlin', phone: '555-0100' });
	});

	test('nothing to write: reported unchanged, no write call', async () => {
		await runHubSpot(t.sb, upsert({ updatePolicy: 'fillEmpty' }), [row]);
		await admin(t.sb, 'DELETE', '/requests');
		const run = await runHubSpot(t.sb, upsert({ updatePolicy: 'fillEmpty' }), [row]);
		expect(run.outputs[0][0].json).toMatchObject({ action: 'unchanged' });
		const { results } = await admin(
			t.sb,
			'GET',
			'/requests?system=hubspot&pathContains=/batch/update',
		);
		expect(results).toEqual([]);
	});

	test('last write wins: HubSpot values changed after the row timestamp are kept', async () => {
		const stale = await runHubSpot(
			t.sb,
			upsert({ updatePolicy: 'lastWriteWins', rowTimestamp: '2020-01-01T00:00:00Z' }),
			[row],
		);
		expect(stale.outputs[0][0].json).toMatchObject({ skipped: { name: 'newerInHubSpot' } });
		expect(await acme()).toMatchObject({ name: 'Acme Corp', city: 'Berlin' });

		const fresh = await runHubSpot(
			t.sb,
			upsert({ updatePolicy: 'lastWriteWins', rowTimestamp: '={{ $now.plus(1, "day").toISO() }}' }),
			[row],
		);
		expect(fresh.outputs[0][0].json).toMatchObject({ action: 'updated' });
		expect((await acme()).name).toBe('Acme');
	});

	test('an unreadable row timestamp fails only that row', async () => {
		const run = await runHubSpot(
			t.sb,
			upsert({ updatePolicy: 'lastWriteWins', rowTimestamp: '={{ $json.when }}' }),
			[
				{ ...row, when: 'yesterday-ish' },
				{ domain: 'beta.io', company_name: 'Beta', when: '2024-01-01' },
			],
		);
		expect(run.outputs[1].map((i) => [i.pairedItem, i.json.category])).toEqual([
			[{ item: 0 }, 'INVALID_INPUT'],
		]);
		expect(run.outputs[0].map((i) => i.json.action)).toEqual(['created']);
	});

	test('contacts: the same policies apply to upsert by email', async () => {
		await admin(t.sb, 'POST', '/seed', {
			hubspot: { records: { contacts: [{ email: 'jo@acme.com', firstname: 'Jo', jobtitle: '' }] } },
		});
		const run = await runHubSpot(
			t.sb,
			{ resource: 'contact', operation: 'upsert', updatePolicy: 'fillEmpty', options: FAST },
			[{ email: 'JO@acme.com', firstname: 'Joanna', jobtitle: 'CTO', lastname: '' }],
		);
		expect(run.outputs[0][0].json).toMatchObject({ action: 'updated' });
		const [contact] = await records(t.sb, 'contacts');
		expect(contact.properties).toMatchObject({
			email: 'jo@acme.com',
			firstname: 'Jo',
			jobtitle: 'CTO',
		});
	});
});
