// Dedupe run by n8n's engine: which output each record lands on, what a duplicate says about its match,
// how bad records are reported, and keys remembered across executions (also when two run at once).
import type { IDataObject } from 'n8n-workflow';
import { Dedupe } from '../../../nodes/Dedupe/Dedupe.node';
import {
	executeNode,
	MemoryDedupeStore,
	type ExecuteNodeOptions,
	type OutputItem,
} from '../helpers/executeNode';

const node = new Dedupe();
const dedupe = (options: Omit<ExecuteNodeOptions, 'node'>) => executeNode({ node, ...options });
const names = (output: OutputItem[]) => output.map((item) => item.json.name);
const key = (entry: IDataObject) => ({ keys: { key: [entry] } });

const companies = [
	{ name: 'Acme', website: 'https://www.acme.com/about', updatedAt: '2024-01-10' },
	{ name: 'Globex', domain: 'globex.com', updatedAt: '2024-02-01' },
	{ name: 'ACME Inc.', email: 'jo@shop.acme.com', updatedAt: '2024-03-05T09:00:00Z' },
	{ name: 'Acme Holdings', domain: 'acme.com', updatedAt: '2023-12-31' },
];

describe('Dedupe node', () => {
	test('defaults (match on domain, keep most recent): one record per domain on Kept, the rest on Duplicates', async () => {
		const run = await dedupe({ items: companies });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toEqual([
			{ json: companies[1], pairedItem: { item: 1 } },
			{ json: companies[2], pairedItem: { item: 2 } },
		]);
		expect(run.outputs[1]).toEqual([
			{
				json: {
					...companies[0],
					duplicateOf: { keptItem: 2, reason: 'same domain acme.com', score: 1 },
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					...companies[3],
					duplicateOf: { keptItem: 2, reason: 'same domain acme.com', score: 1 },
				},
				pairedItem: { item: 3 },
			},
		]);
	});

	test('keep first and keep most complete', async () => {
		const first = await dedupe({ items: companies, parameters: { keep: 'first' } });
		expect(names(first.outputs[0])).toEqual(['Acme', 'Globex']);
		const complete = [
			{ name: 'Acme', domain: 'acme.com' },
			{ name: 'Acme', domain: 'acme.com', phone: '+1 415 555 0100', industry: 'Software' },
		];
		const run = await dedupe({ items: complete, parameters: { keep: 'mostComplete' } });
		expect(run.outputs[0]).toEqual([{ json: complete[1], pairedItem: { item: 1 } }]);
	});

	test('free-mail domains are no company: they match nothing and are kept unless told otherwise', async () => {
		const people = [
			{ name: 'Jo', email: 'jo@gmail.com' },
			{ name: 'Al', email: 'al@gmail.com' },
		];
		const run = await dedupe({ items: people, parameters: { keep: 'first' } });
		expect(names(run.outputs[0])).toEqual(['Jo', 'Al']);
		const asCompany = await dedupe({
			items: people,
			parameters: {
				keep: 'first',
				...key({ kind: 'domain', fields: 'email', freeMailIsKey: true }),
			},
		});
		expect(asCompany.outputs[1][0].json.duplicateOf).toEqual({
			keptItem: 0,
			reason: 'same domain gmail.com',
			score: 1,
		});
	});

	test('email keys: case always ignored, plus tags and Gmail dots when asked', async () => {
		const people = [
			{ name: 'A', email: 'Jo.Smith@Gmail.com' },
			{ name: 'B', email: 'josmith+news@googlemail.com' },
			{ name: 'C', email: 'jo.smith@gmail.com' },
		];
		const exact = await dedupe({
			items: people,
			parameters: { keep: 'first', ...key({ kind: 'email', fields: 'email' }) },
		});
		expect(names(exact.outputs[0])).toEqual(['A', 'B']);
		const loose = await dedupe({
			items: people,
			parameters: {
				keep: 'first',
				...key({ kind: 'email', fields: 'email', stripPlusTag: true, ignoreGmailDots: true }),
			},
		});
		expect(names(loose.outputs[0])).toEqual(['A']);
		expect(loose.outputs[1][0].json.duplicateOf).toEqual({
			keptItem: 0,
			reason: 'same email josmith@gmail.com',
			score: 1,
		});
	});

	test('phone and company-name keys normalise formatting and legal forms', async () => {
		const phones = await dedupe({
			items: [
				{ name: 'A', phone: '+44 20 7946 0000' },
				{ name: 'B', phone: '020 7946 0000' },
			],
			parameters: {
				keep: 'first',
				...key({ kind: 'phone', fields: 'phone', defaultCountryCode: '44' }),
			},
		});
		expect(phones.outputs[1][0].json.duplicateOf).toMatchObject({
			keptItem: 0,
			reason: 'same phone +442079460000',
		});
		const companyNames = await dedupe({
			items: [{ name: 'Müller GmbH & Co. KG' }, { name: 'Muller' }],
			parameters: { keep: 'first', ...key({ kind: 'companyName', fields: 'name' }) },
		});
		expect(companyNames.outputs[1][0].json.duplicateOf).toMatchObject({
			reason: 'same company name muller',
		});
	});

	test('composite key: company name + country must both match', async () => {
		const items = [
			{ name: 'Acme', country: 'US' },
			{ name: 'Acme Inc', country: 'DE' },
			{ name: 'ACME', country: 'us' },
		];
		const run = await dedupe({
			items,
			parameters: {
				keep: 'first',
				keys: {
					key: [
						{ kind: 'companyName', fields: 'name', combineWithNext: true },
						{ kind: 'field', fields: 'country' },
					],
				},
			},
		});
		expect(run.outputs[0].map((item) => item.json.country)).toEqual(['US', 'DE']);
		expect(run.outputs[1][0].json.duplicateOf).toEqual({
			keptItem: 0,
			reason: 'same company name acme + country us',
			score: 1,
		});
	});

	test('merge: one record per group with survivorship per field, paired with every merged item', async () => {
		const items = [
			{
				name: 'Acme',
				domain: 'acme.com',
				phone: '',
				industry: 'Software',
				updatedAt: '2024-01-01',
			},
			{ name: 'Other', domain: 'other.com', updatedAt: '2024-01-01' },
			{
				name: 'Acme Inc',
				domain: 'acme.com',
				phone: '+1 415 555 0100',
				industry: '',
				updatedAt: '2024-05-01',
			},
		];
		const run = await dedupe({
			items,
			parameters: {
				keep: 'merge',
				survivorship: 'mostRecent',
				fieldRules: { rule: [{ field: 'name', survivorship: 'first' }] },
			},
		});
		// The merged record takes the place of its survivor (the most recent, item 2).
		expect(run.outputs[0]).toEqual([
			{ json: items[1], pairedItem: { item: 1 } },
			{
				json: {
					name: 'Acme',
					domain: 'acme.com',
					phone: '+1 415 555 0100',
					industry: 'Software',
					updatedAt: '2024-05-01',
				},
				pairedItem: [{ item: 0 }, { item: 2 }],
			},
		]);
		expect(run.outputs[1]).toEqual([
			{
				json: {
					...items[0],
					duplicateOf: { keptItem: 2, reason: 'same domain acme.com', score: 1 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('fuzzy company names match only inside the same domain, with their similarity as the score', async () => {
		const items = [
			{ name: 'Jon Smith Consulting', email: 'jon@gmail.com' },
			{ name: 'Jon Smith Consultng', email: 'j.smith@gmail.com' },
			{ name: 'Jon Smith Consultin', email: 'jon@yahoo.com' },
		];
		const run = await dedupe({
			items,
			parameters: {
				keep: 'first',
				keys: {
					key: [
						{ kind: 'domain', fields: 'email' },
						{ kind: 'companyName', fields: 'name' },
					],
				},
				fuzzyNames: true,
				threshold: 0.9,
				nameFields: 'name',
				domainFields: 'email',
				options: { joinFallbackKeys: false },
			},
		});
		expect(run.outputs[0].map((item) => item.json.email)).toEqual([
			'jon@gmail.com',
			'jon@yahoo.com',
		]);
		const info = run.outputs[1][0].json.duplicateOf as IDataObject;
		expect(info.keptItem).toBe(0);
		expect(info.reason).toMatch(/similar to .* \(Jaro-Winkler 0\.9\d\d\) within domain gmail\.com/);
		expect(info.score).toBeGreaterThan(0.9);
		expect(info.score).toBeLessThan(1);
	});

	describe('bad records', () => {
		const items = [
			{ name: 'Acme', domain: 'acme.com', updatedAt: '2024-01-01' },
			{ name: 'Broken', domain: 'acme.com', updatedAt: 'last tuesday' },
			{ name: 'Typo', website: 'http://exa mple', updatedAt: '2024-01-01' },
			{ name: 'Acme 2', domain: 'acme.com', updatedAt: '2024-02-01' },
		];

		test('stop the run with an error naming the field and the first bad item', async () => {
			const run = await dedupe({ items });
			expect(run.outputs).toEqual([]);
			expect(run.error?.message).toMatch(/^'updatedAt' 'last tuesday' is not a date.*\(item 1\)$/);
			expect(run.error?.context?.itemIndex).toBe(1);
		});

		test('continue on fail: each bad item passes on Kept with its own error; the rest are deduplicated', async () => {
			const run = await dedupe({ items, onError: 'continueRegularOutput' });
			expect(run.outputs[0]).toEqual([
				{
					json: { ...items[1], error: expect.stringMatching(/^'updatedAt'.*\(item 1\)$/) },
					pairedItem: { item: 1 },
				},
				{
					json: { ...items[2], error: expect.stringMatching(/^'website'.*\(item 2\)$/) },
					pairedItem: { item: 2 },
				},
				{ json: items[3], pairedItem: { item: 3 } },
			]);
			expect(run.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		});

		test('error output: bad items go to the third output', async () => {
			const run = await dedupe({ items, onError: 'continueErrorOutput' });
			expect(run.outputs.map((output) => output.map((item) => item.pairedItem))).toEqual([
				[{ item: 3 }],
				[{ item: 0 }],
				[{ item: 1 }, { item: 2 }],
			]);
			expect(run.outputs[2][0].json).toEqual({
				...items[1],
				error: expect.stringContaining("'updatedAt'"),
			});
		});

		test('records without any key value: kept by default, failed when asked', async () => {
			const noKey = [{ name: 'Nowhere' }, { name: 'Acme', domain: 'acme.com' }];
			const kept = await dedupe({ items: noKey, parameters: { keep: 'first' } });
			expect(names(kept.outputs[0])).toEqual(['Nowhere', 'Acme']);
			const failed = await dedupe({
				items: noKey,
				parameters: { keep: 'first', options: { missingKey: 'error' } },
			});
			expect(failed.error?.message).toBe(
				'No value to deduplicate on: fill one of domain, website, email, or choose to keep records without a key (item 0)',
			);
		});

		test('settings that cannot work are reported once, before any record', async () => {
			const run = await dedupe({
				items,
				parameters: { keys: { key: [{ kind: 'domain', fields: ' ' }] } },
				onError: 'continueRegularOutput',
			});
			expect(run.error?.message).toBe('Every key needs the name of the field to read it from');
		});
	});

	describe('across executions', () => {
		const acrossRuns = { acrossExecutions: true, keep: 'first' };

		test('a key kept by an earlier execution goes to Duplicates the next time', async () => {
			const store = new MemoryDedupeStore();
			const first = await dedupe({
				items: companies.slice(0, 2),
				parameters: acrossRuns,
				dedupeStore: store,
			});
			expect(names(first.outputs[0])).toEqual(['Acme', 'Globex']);
			const second = await dedupe({
				items: [
					{ name: 'Initech', domain: 'initech.com' },
					{ name: 'Acme again', email: 'x@acme.com' },
					{ name: 'Acme third', domain: 'acme.com' },
				],
				parameters: acrossRuns,
				dedupeStore: store,
			});
			expect(names(second.outputs[0])).toEqual(['Initech']);
			expect(second.outputs[1]).toEqual([
				{
					json: {
						name: 'Acme again',
						email: 'x@acme.com',
						duplicateOf: {
							keptItem: null,
							reason: 'domain acme.com was already kept by an earlier execution',
							score: 1,
						},
					},
					pairedItem: { item: 1 },
				},
				{
					json: {
						name: 'Acme third',
						domain: 'acme.com',
						duplicateOf: { keptItem: 1, reason: 'same domain acme.com', score: 1 },
					},
					pairedItem: { item: 2 },
				},
			]);
		});

		test('scope node keeps each node’s history apart; scope workflow shares it', async () => {
			const store = new MemoryDedupeStore();
			const items = [{ domain: 'acme.com' }];
			await dedupe({
				items,
				parameters: { ...acrossRuns, scope: 'node' },
				dedupeStore: store,
				nodeId: 'first-node',
			});
			const otherNode = await dedupe({
				items,
				parameters: { ...acrossRuns, scope: 'node' },
				dedupeStore: store,
				nodeId: 'second-node',
			});
			expect(otherNode.outputs[0]).toHaveLength(1);

			await dedupe({
				items,
				parameters: { ...acrossRuns, scope: 'workflow' },
				dedupeStore: store,
				nodeId: 'first-node',
			});
			const shared = await dedupe({
				items,
				parameters: { ...acrossRuns, scope: 'workflow' },
				dedupeStore: store,
				nodeId: 'second-node',
			});
			expect(shared.outputs[0]).toHaveLength(0);
			const otherWorkflow = await dedupe({
				items,
				parameters: { ...acrossRuns, scope: 'workflow' },
				dedupeStore: store,
				workflowId: 'another',
			});
			expect(otherWorkflow.outputs[0]).toHaveLength(1);
		});

		test('the history forgets the oldest keys beyond its size', async () => {
			const store = new MemoryDedupeStore();
			const parameters = { ...acrossRuns, historySize: 2 };
			await dedupe({
				items: [{ domain: 'a.com' }, { domain: 'b.com' }, { domain: 'c.com' }],
				parameters,
				dedupeStore: store,
			});
			const again = await dedupe({
				items: [{ domain: 'a.com' }, { domain: 'c.com' }],
				parameters,
				dedupeStore: store,
			});
			expect(again.outputs[0].map((item) => item.json.domain)).toEqual(['a.com']);
		});

		test('bad records are not remembered', async () => {
			const store = new MemoryDedupeStore();
			const parameters = { ...acrossRuns, keep: 'mostRecent' };
			await dedupe({
				items: [{ domain: 'acme.com', updatedAt: 'never' }],
				parameters,
				dedupeStore: store,
				onError: 'continueRegularOutput',
			});
			const fixed = await dedupe({
				items: [{ domain: 'acme.com', updatedAt: '2024-01-01' }],
				parameters,
				dedupeStore: store,
			});
			expect(fixed.outputs[0]).toHaveLength(1);
		});

		test('two executions running at once with the same key: exactly one keeps it', async () => {
			const store = new MemoryDedupeStore();
			const runs = await Promise.all(
				['first', 'second', 'third'].map((name) =>
					dedupe({
						items: [{ name, domain: 'acme.com' }],
						parameters: acrossRuns,
						dedupeStore: store,
					}),
				),
			);
			expect(runs.map((run) => run.outputs[0].length).sort()).toEqual([0, 0, 1]);
			expect(
				runs.flatMap((run) =>
					run.outputs[1].map((item) => (item.json.duplicateOf as IDataObject).keptItem),
				),
			).toEqual([null, null]);
		});
	});

	test('is usable as an AI tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});
});
