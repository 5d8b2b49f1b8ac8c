// Template 06 in a real n8n: the sample companies CSV POSTed to the template's webhook lands in the
// warehouse PostgreSQL normalized and with its duplicates merged; the same file again changes nothing;
// a changed file updates exactly the changed company and adds the new one.
import * as fs from 'node:fs';
import { startStack, type Stack } from '../../../dev/stack/stack';
import demo, { postCsv, SAMPLE_CSV, SLUG } from '../../../dev/demos/06-etl-to-postgres';
import { templateWorkflowId } from '../../../dev/stack/support';
import { settledExecutions } from '../helpers/templateStack';

type CompanyRow = {
	domain: string;
	name: string | null;
	contact_email: string | null;
	industry: string | null;
	employees: number | null;
	source_updated_at: string;
	first_loaded_at: string;
	last_changed_at: string;
};

const SAMPLE = fs.readFileSync(SAMPLE_CSV, 'utf8');
const HEADER = SAMPLE.split('\n')[0];

describe('template 06: ETL companies CSV to PostgreSQL', () => {
	let stack: Stack;
	/** The table, timestamps as ISO strings in UTC whatever the server's time zone. */
	const companies = () =>
		stack.warehouse.query<CompanyRow>('SELECT * FROM etl_companies ORDER BY domain').map((row) => ({
			...row,
			source_updated_at: new Date(row.source_updated_at).toISOString(),
			first_loaded_at: new Date(row.first_loaded_at).toISOString(),
			last_changed_at: new Date(row.last_changed_at).toISOString(),
		}));

	beforeAll(async () => {
		stack = await startStack({ templates: [SLUG] });
	}, 300000);

	afterAll(async () => {
		await stack?.stop();
	}, 60000);

	test('the sample CSV loads normalized companies, one per domain, with duplicates merged and bad rows reported', async () => {
		const summary = await demo.run(stack);
		expect(summary).toEqual({
			received: 11,
			inserted: 6,
			updated: 0,
			unchanged: 0,
			duplicates_merged: 3,
			rejected: [
				{
					row: 11,
					company: 'Stark Industries',
					reason: expect.stringMatching(/No value to deduplicate on/),
				},
				{ row: 12, company: 'Soylent', reason: expect.stringMatching(/'updated_at' is empty/) },
			],
		});
		const rows = companies().map(({ first_loaded_at, last_changed_at, ...rest }) => rest);
		expect(rows).toEqual([
			// "Acme Inc." and "ACME, Inc." (www. and path stripped): the most recent non-empty value per field.
			{
				domain: 'acme.com',
				name: 'ACME, Inc.',
				contact_email: 'jane.doe@acme.com',
				industry: 'Manufacturing',
				employees: 260,
				source_updated_at: '2025-02-01T09:00:00.000Z',
			},
			{
				domain: 'globex.com',
				name: 'Globex Corporation',
				contact_email: 'hank@globex.com',
				industry: 'Energy',
				employees: 1200,
				source_updated_at: '2025-01-15T08:30:00.000Z',
			},
			{
				domain: 'hooli.xyz',
				name: 'Hooli',
				contact_email: 'gavin@hooli.xyz',
				industry: 'Technology',
				employees: 10000,
				source_updated_at: '2025-01-07T00:00:00.000Z',
			},
			// Matched through the contact's work email: the row without a website merged with initech.io.
			{
				domain: 'initech.io',
				name: 'Initech LLC',
				contact_email: 'peter@initech.io',
				industry: 'Software',
				employees: 80,
				source_updated_at: '2025-01-20T12:00:00.000Z',
			},
			{
				domain: 'umbrella-corp.co.uk',
				name: 'Umbrella Corp',
				contact_email: 'alice@umbrella-corp.co.uk',
				industry: 'Pharma',
				employees: 5000,
				source_updated_at: '2025-01-05T00:00:00.000Z',
			},
			{
				domain: 'wayne-enterprises.com',
				name: 'Wayne Enterprises',
				contact_email: 'bruce@wayne-enterprises.com',
				industry: 'Conglomerate',
				employees: 3000,
				source_updated_at: '2025-01-08T00:00:00.000Z',
			},
		]);
	}, 120000);

	test('loading the same file again changes nothing and adds no rows', async () => {
		const before = companies();
		const { body } = await postCsv(stack.n8n, SAMPLE);
		expect(body).toMatchObject({
			received: 11,
			inserted: 0,
			updated: 0,
			unchanged: 6,
			duplicates_merged: 3,
		});
		expect(companies()).toEqual(before);
	}, 120000);

	test('a changed file updates only the changed company and inserts the new one', async () => {
		const before = new Map(companies().map((row) => [row.domain, row]));
		const csv = [
			HEADER,
			...SAMPLE.split('\n')
				.slice(1)
				.filter((line) => line && !line.startsWith('Hooli')),
			'Hooli,https://hooli.xyz,gavin@hooli.xyz,Technology,"12,500",2025-03-01T00:00:00Z',
			'Pied Piper,piedpiper.com,RICHARD@PIEDPIPER.COM ,Software,9,2025-03-02T00:00:00Z',
		].join('\n');
		const { body } = await postCsv(stack.n8n, csv);
		expect(body).toMatchObject({ received: 12, inserted: 1, updated: 1, unchanged: 5 });

		const after = companies();
		expect(after).toHaveLength(7);
		for (const row of after) {
			const old = before.get(row.domain);
			if (row.domain === 'hooli.xyz') {
				expect(row).toMatchObject({
					employees: 12500,
					source_updated_at: '2025-03-01T00:00:00.000Z',
				});
				expect(row.first_loaded_at).toBe(old!.first_loaded_at);
				expect(Date.parse(row.last_changed_at)).toBeGreaterThan(Date.parse(old!.last_changed_at));
			} else if (row.domain === 'piedpiper.com') {
				expect(old).toBeUndefined();
				expect(row).toMatchObject({
					name: 'Pied Piper',
					contact_email: 'richard@piedpiper.com',
					employees: 9,
				});
			} else {
				expect(row).toEqual(old);
			}
		}
	}, 120000);

	test('every run succeeded and left one structured row in workflow_log', async () => {
		// The response leaves before the execution is saved: wait for all three to be recorded.
		const executions = await settledExecutions(stack.n8n, templateWorkflowId(stack.n8n, SLUG), 3);
		expect(executions.map((e) => e.status)).toEqual(['success', 'success', 'success']);
		const log = stack.warehouse.query<{
			record_id: string;
			status: string;
			metadata: Record<string, number>;
		}>(
			"SELECT record_id, status, metadata FROM workflow_log WHERE event = 'etl_run_completed' ORDER BY id",
		);
		expect(log.map((r) => r.record_id).sort()).toEqual(executions.map((e) => String(e.id)).sort());
		expect(
			log.map((r) => [r.status, r.metadata.inserted, r.metadata.updated, r.metadata.unchanged]),
		).toEqual([
			['partial', 6, 0, 0],
			['partial', 0, 0, 6],
			['partial', 1, 1, 5],
		]);
	}, 60000);
});
