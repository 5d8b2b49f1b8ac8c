// Attribution run by n8n's engine: the credits a user reads on the Contacts and Aggregate outputs, which input
// items each output item pairs with, and how bad touchpoints are reported.
import type { IDataObject } from 'n8n-workflow';
import { Attribution } from '../../../nodes/Attribution/Attribution.node';
import { executeNode, type ExecuteNodeOptions, type OutputItem } from '../helpers/executeNode';

const node = new Attribution();
const attribute = (options: Omit<ExecuteNodeOptions, 'node'>) => executeNode({ node, ...options });
const credits = (contact: OutputItem) =>
	(contact.json.touches as IDataObject[]).map((touch) => touch.credit);
const hoursAfter = (hours: number) =>
	new Date(Date.UTC(2024, 4, 1) + hours * 3600000).toISOString();

// The DP6 reference journeys A>B>C and A>C, one item per touchpoint.
const dp6 = [
	{ email: 'one@acme.com', channel: 'A', campaign: 'spring', timestamp: hoursAfter(0) },
	{ email: 'one@acme.com', channel: 'B', campaign: 'spring', timestamp: hoursAfter(1) },
	{ email: 'two@globex.com', channel: 'A', campaign: 'spring', timestamp: hoursAfter(0) },
	{ email: 'one@acme.com', channel: 'C', campaign: '', timestamp: hoursAfter(2) },
	{ email: 'two@globex.com', channel: 'C', campaign: '', timestamp: hoursAfter(3) },
];

describe('Attribution node', () => {
	test('position-based by default: per-contact credits paired with all the contact’s touch items', async () => {
		const run = await attribute({ items: dp6 });
		expect(run.error).toBeUndefined();
		const [contacts] = run.outputs;
		expect(
			contacts.map((contact) => [contact.json.contact, credits(contact), contact.pairedItem]),
		).toEqual([
			['one@acme.com', [0.4, 0.2, 0.4], [{ item: 0 }, { item: 1 }, { item: 3 }]],
			['two@globex.com', [0.5, 0.5], [{ item: 2 }, { item: 4 }]],
		]);
		expect(contacts[0].json).toEqual({
			contact: 'one@acme.com',
			conversionValue: 0,
			touches: [
				{
					item: 0,
					position: 1,
					time: hoursAfter(0),
					channel: 'A',
					campaign: 'spring',
					credit: 0.4,
					value: 0,
				},
				{
					item: 1,
					position: 2,
					time: hoursAfter(1),
					channel: 'B',
					campaign: 'spring',
					credit: 0.2,
					value: 0,
				},
				{
					item: 3,
					position: 3,
					time: hoursAfter(2),
					channel: 'C',
					campaign: '',
					credit: 0.4,
					value: 0,
				},
			],
			byChannel: { A: 0.4, B: 0.2, C: 0.4 },
			byCampaign: { spring: 0.6, '(none)': 0.4 },
			ignoredTouches: 0,
		});
	});

	test('aggregate per channel: credited conversions (A 0.9, B 0.2, C 0.9), paired with every summed touch item', async () => {
		const run = await attribute({ items: dp6, parameters: { aggregateBy: 'channel' } });
		expect(run.outputs[1]).toEqual([
			{
				json: { channel: 'A', conversions: 0.9, value: 0, touches: 2, contacts: 2 },
				pairedItem: [{ item: 0 }, { item: 2 }],
			},
			{
				json: { channel: 'C', conversions: 0.9, value: 0, touches: 2, contacts: 2 },
				pairedItem: [{ item: 3 }, { item: 4 }],
			},
			{
				json: { channel: 'B', conversions: 0.2, value: 0, touches: 1, contacts: 1 },
				pairedItem: { item: 1 },
			},
		]);
		const linear = await attribute({
			items: dp6,
			parameters: { aggregateBy: 'channel', model: 'linear' },
		});
		expect(linear.outputs[1].map((row) => [row.json.channel, row.json.conversions])).toEqual([
			['A', 0.833333333333],
			['C', 0.833333333333],
			['B', 0.333333333333],
		]);
	});

	test('aggregate per channel and campaign is the default', async () => {
		const run = await attribute({ items: dp6 });
		expect(
			run.outputs[1].map((row) => [row.json.channel, row.json.campaign, row.json.conversions]),
		).toEqual([
			['A', 'spring', 0.9],
			['C', '(none)', 0.9],
			['B', 'spring', 0.2],
		]);
	});

	describe('models on one five-touch journey (lead created after touch 2, deal after touch 3)', () => {
		const journey = [0, 1, 2, 3, 4].map((hour) => ({
			email: 'jo@acme.com',
			channel: `c${hour + 1}`,
			timestamp: hoursAfter(hour),
		}));
		const withStages = journey.map((touch, i) =>
			i === 0
				? { ...touch, leadCreatedAt: hoursAfter(1.5), dealCreatedAt: hoursAfter(2.5) }
				: touch,
		);
		const third = 0.066666666667;

		test.each<[string, IDataObject, number[]]>([
			['first touch', { model: 'firstTouch' }, [1, 0, 0, 0, 0]],
			['last touch', { model: 'lastTouch' }, [0, 0, 0, 0, 1]],
			['linear', { model: 'linear' }, [0.2, 0.2, 0.2, 0.2, 0.2]],
			['position-based', { model: 'positionBased' }, [0.4, third, third, third, 0.4]],
			['U-shaped', { model: 'uShaped' }, [0.4, 0.4, third, third, third]],
			['W-shaped', { model: 'wShaped' }, [0.3, 0.3, 0.3, 0.05, 0.05]],
			['full path', { model: 'fullPath' }, [0.225, 0.225, 0.225, 0.1, 0.225]],
			[
				'custom weights',
				{ model: 'custom', firstWeight: 1, lastWeight: 1, middleWeight: 0 },
				[0.5, 0, 0, 0, 0.5],
			],
		])('%s', async (_name, parameters, expected) => {
			const run = await attribute({ items: withStages, parameters });
			expect(run.error).toBeUndefined();
			expect(credits(run.outputs[0][0])).toEqual(expected);
		});

		test('time decay halves the credit per half-life (2 h, 1 h, 0 h before the last touch → 1/7, 2/7, 4/7)', async () => {
			const run = await attribute({
				items: journey.slice(0, 3),
				parameters: { model: 'timeDecay', halfLifeHours: 1 },
			});
			expect(credits(run.outputs[0][0])).toEqual([0.142857142857, 0.285714285714, 0.571428571429]);
		});

		test('a model crediting the lead-creation touch needs its date: every item of the journey fails, naming the field', async () => {
			const other = {
				email: 'al@globex.com',
				channel: 'x',
				timestamp: hoursAfter(0),
				leadCreatedAt: hoursAfter(0),
			};
			const run = await attribute({
				items: [...journey, other],
				parameters: { model: 'uShaped' },
				onError: 'continueErrorOutput',
			});
			expect(run.outputs[0].map((contact) => contact.json.contact)).toEqual(['al@globex.com']);
			expect(run.outputs[2].map((item) => item.pairedItem)).toEqual(
				[0, 1, 2, 3, 4].map((item) => ({ item })),
			);
			expect(run.outputs[2][0].json.error).toMatch(
				/^'leadCreatedAt' is empty for contact jo@acme\.com.*\(item 0\)$/,
			);
		});
	});

	test('the conversion value is split by credit and touches after the conversion are ignored', async () => {
		const items = [
			{
				email: 'jo@acme.com',
				channel: 'ads',
				timestamp: hoursAfter(0),
				closedAt: hoursAfter(10),
				amount: '1200.50',
			},
			{ email: 'jo@acme.com', channel: 'email', timestamp: hoursAfter(5) },
			{ email: 'jo@acme.com', channel: 'webinar', timestamp: hoursAfter(11) },
		];
		const run = await attribute({
			items,
			parameters: {
				conversionTimeField: 'closedAt',
				conversionValueField: 'amount',
				aggregateBy: 'channel',
			},
		});
		const [contact] = run.outputs[0];
		expect(contact.json).toMatchObject({
			conversionValue: 1200.5,
			conversionTime: hoursAfter(10),
			ignoredTouches: 1,
		});
		expect(
			(contact.json.touches as IDataObject[]).map((touch) => [
				touch.channel,
				touch.credit,
				touch.value,
			]),
		).toEqual([
			['ads', 0.5, 600.25],
			['email', 0.5, 600.25],
		]);
		expect(contact.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.outputs[1].map((row) => [row.json.channel, row.json.value])).toEqual([
			['ads', 600.25],
			['email', 600.25],
		]);
	});

	test('touches with the same timestamp keep their input order', async () => {
		const at = hoursAfter(0);
		const items = ['first', 'second', 'third'].map((channel) => ({
			email: 'jo@acme.com',
			channel,
			timestamp: at,
		}));
		const run = await attribute({ items, parameters: { model: 'firstTouch' } });
		expect(
			(run.outputs[0][0].json.touches as IDataObject[]).map((touch) => [
				touch.channel,
				touch.credit,
			]),
		).toEqual([
			['first', 1],
			['second', 0],
			['third', 0],
		]);
	});

	test('one item per contact with a touchpoints list; a contact with no touch is an unattributed conversion', async () => {
		const items = [
			{
				id: 'c-1',
				amount: 100,
				journey: [
					{ channel: 'email', at: hoursAfter(3) },
					{ channel: 'ads', at: hoursAfter(1) },
				],
			},
			{ id: 'c-2', amount: 50, journey: [] },
		];
		const run = await attribute({
			items,
			parameters: {
				input: 'contactItems',
				contactField: 'id',
				touchpointsField: 'journey',
				timestampField: 'at',
				campaignField: '',
				conversionValueField: 'amount',
				model: 'lastTouch',
				aggregateBy: 'channel',
			},
		});
		expect(
			run.outputs[0].map((contact) => [contact.json.contact, credits(contact), contact.pairedItem]),
		).toEqual([
			['c-1', [0, 1], { item: 0 }],
			['c-2', [], { item: 1 }],
		]);
		expect(run.outputs[1]).toEqual([
			{
				json: { channel: 'email', conversions: 1, value: 100, touches: 1, contacts: 1 },
				pairedItem: { item: 0 },
			},
			{
				json: { channel: 'ads', conversions: 0, value: 0, touches: 1, contacts: 1 },
				pairedItem: { item: 0 },
			},
			{
				json: { channel: '(no touchpoint)', conversions: 1, value: 50, touches: 0, contacts: 1 },
				pairedItem: { item: 1 },
			},
		]);
	});

	describe('bad touchpoints', () => {
		const items = [
			{ email: 'jo@acme.com', channel: 'ads', timestamp: hoursAfter(0) },
			{ email: 'jo@acme.com', channel: 'email', timestamp: 'next week' },
			{ email: 'jo@acme.com', timestamp: hoursAfter(2) },
			{ email: 'jo@acme.com', channel: 'webinar', timestamp: hoursAfter(3) },
		];

		test('stop the run with an error naming the field and the item', async () => {
			const run = await attribute({ items });
			expect(run.outputs).toEqual([]);
			expect(run.error?.message).toMatch(/^'timestamp': 'next week' is not a date.*\(item 1\)$/);
			expect(run.error?.context?.itemIndex).toBe(1);
		});

		test('continue on fail: the bad items carry their error; the journey is credited without them', async () => {
			const run = await attribute({ items, onError: 'continueRegularOutput' });
			const [contact, ...failed] = run.outputs[0];
			expect(credits(contact)).toEqual([0.5, 0.5]);
			expect(contact.pairedItem).toEqual([{ item: 0 }, { item: 3 }]);
			expect(failed).toEqual([
				{
					json: { ...items[1], error: expect.stringMatching(/^'timestamp'.*\(item 1\)$/) },
					pairedItem: { item: 1 },
				},
				{
					json: { ...items[2], error: expect.stringMatching(/^'channel' is empty.*\(item 2\)$/) },
					pairedItem: { item: 2 },
				},
			]);
		});

		test('a touchpoints field that is not a list fails that contact item', async () => {
			const run = await attribute({
				items: [{ id: 1, touchpoints: 'ads' }],
				parameters: { input: 'contactItems', contactField: 'id' },
				onError: 'continueErrorOutput',
			});
			expect(run.outputs[2]).toEqual([
				{
					json: {
						id: 1,
						touchpoints: 'ads',
						error: "'touchpoints' is a string, but it must be a list of touchpoints (item 0)",
					},
					pairedItem: { item: 0 },
				},
			]);
		});
	});

	test('settings that cannot work are reported once: custom weights summing to 0, no half-life, no contact field', async () => {
		const zero = await attribute({
			items: dp6,
			parameters: { model: 'custom', firstWeight: 0, lastWeight: 0, middleWeight: 0 },
			onError: 'continueRegularOutput',
		});
		expect(zero.error?.message).toBe(
			'The custom weights sum to 0: give at least one of first, lead, deal, last or middle a weight above 0',
		);
		const decay = await attribute({
			items: dp6,
			parameters: { model: 'timeDecay', halfLifeHours: 0 },
		});
		expect(decay.error?.message).toMatch(/half-life must be a positive number of hours/);
		const contact = await attribute({ items: dp6, parameters: { contactField: '' } });
		expect(contact.error?.message).toMatch(/^Set the Contact Field/);
	});

	test('is usable as an AI tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});
});
