import {
	attribute,
	type AttributionResult,
} from '../../../../../nodes/shared/attribution/attribute';
import {
	journeysFromContactItems,
	journeysFromTouchpointItems,
	type JourneyFields,
} from '../../../../../nodes/shared/attribution/journeys';
import { checkModel, type AttributionModel } from '../../../../../nodes/shared/attribution/models';

const fields: JourneyFields = {
	contact: 'email',
	channel: 'channel',
	campaign: 'campaign',
	timestamp: 'at',
	conversionTime: 'convertedAt',
	conversionValue: 'amount',
	leadCreatedTime: 'leadAt',
	dealCreatedTime: 'dealAt',
};
const touch = (
	email: string,
	channel: string,
	at: string,
	extra: Record<string, unknown> = {},
) => ({ email, channel, at, ...extra });

// REFERENCE §7: journeys A>B>C and A>C.
const referenceItems = [
	touch('x@acme.com', 'A', '2024-01-01T00:00:00Z'),
	touch('x@acme.com', 'B', '2024-01-02T00:00:00Z'),
	touch('x@acme.com', 'C', '2024-01-03T00:00:00Z'),
	touch('y@acme.com', 'A', '2024-01-01T00:00:00Z'),
	touch('y@acme.com', 'C', '2024-01-03T00:00:00Z'),
];

function run(
	items: Record<string, unknown>[],
	model: AttributionModel,
	aggregateBy: 'channel' | 'campaign' | 'channelAndCampaign' = 'channel',
): AttributionResult {
	const { journeys, errors } = journeysFromTouchpointItems(items, fields);
	expect(errors).toEqual([]);
	return attribute(journeys, model, { aggregateBy });
}

const byChannel = (result: AttributionResult) =>
	Object.fromEntries(result.aggregate.map((row) => [row.channel, row.conversions]));
const credits = (result: AttributionResult, contact = 0) =>
	result.contacts[contact].touches.map((t) => t.credit);

describe('attribution models on the REFERENCE §7 vectors', () => {
	it('position-based: A 0.9, B 0.2, C 0.9', () => {
		expect(byChannel(run(referenceItems, { type: 'positionBased' }))).toEqual({
			A: 0.9,
			B: 0.2,
			C: 0.9,
		});
	});

	it('linear: A 5/6, B 1/3, C 5/6', () => {
		const result = byChannel(run(referenceItems, { type: 'linear' }));
		expect(result.A).toBeCloseTo(5 / 6, 11);
		expect(result.B).toBeCloseTo(1 / 3, 11);
		expect(result.C).toBeCloseTo(5 / 6, 11);
	});

	it('time decay with a 1 h half-life on touches 2 h, 1 h and 0 h before the conversion', () => {
		const items = [
			touch('z', 'A', '2024-01-01T08:00:00Z', { convertedAt: '2024-01-01T10:00:00Z' }),
			touch('z', 'B', '2024-01-01T09:00:00Z'),
			touch('z', 'C', '2024-01-01T10:00:00Z'),
		];
		const [a, b, c] = credits(run(items, { type: 'timeDecay', halfLifeHours: 1 }));
		expect(a).toBeCloseTo(0.142857, 6);
		expect(b).toBeCloseTo(0.285714, 6);
		expect(c).toBeCloseTo(0.571429, 6);
	});

	it('first and last touch give everything to one touch', () => {
		expect(byChannel(run(referenceItems, { type: 'firstTouch' }))).toEqual({ A: 2, B: 0, C: 0 });
		expect(byChannel(run(referenceItems, { type: 'lastTouch' }))).toEqual({ A: 0, B: 0, C: 2 });
	});
});

describe('attribution: journeys of 0, 1 and 2 touches', () => {
	const models: AttributionModel[] = [
		{ type: 'firstTouch' },
		{ type: 'lastTouch' },
		{ type: 'linear' },
		{ type: 'positionBased' },
		{ type: 'timeDecay', halfLifeHours: 168 },
		{ type: 'custom', weights: { first: 3, last: 1, middle: 1 } },
	];

	it.each(models)('$type: one touch gets all the credit', (model) => {
		expect(credits(run([touch('a', 'email', '2024-01-01')], model))).toEqual([1]);
	});

	it('two touches: position-based 0.5 / 0.5, first touch 1 / 0', () => {
		const two = [touch('a', 'email', '2024-01-01'), touch('a', 'ads', '2024-01-02')];
		expect(credits(run(two, { type: 'positionBased' }))).toEqual([0.5, 0.5]);
		expect(credits(run(two, { type: 'firstTouch' }))).toEqual([1, 0]);
		expect(
			credits(run(two, { type: 'custom', weights: { first: 3, last: 1, middle: 1 } })),
		).toEqual([0.75, 0.25]);
	});

	it('a journey with no touch is an unattributed conversion', () => {
		const { journeys } = journeysFromContactItems([{ email: 'a', amount: 500, touchpoints: [] }], {
			...fields,
			touchpoints: 'touchpoints',
		});
		const result = attribute(journeys, { type: 'positionBased' });
		expect(result.contacts).toEqual([
			expect.objectContaining({ contact: 'a', touches: [], conversionValue: 500, indexes: [0] }),
		]);
		expect(result.aggregate).toEqual([]);
		expect(result.unattributed).toEqual({ conversions: 1, value: 500, indexes: [0] });
	});
});

describe('attribution: HubSpot stage models', () => {
	const journey = [
		touch('a', 'organic', '2024-01-01', {
			leadAt: '2024-01-03T12:00:00Z',
			dealAt: '2024-01-05T12:00:00Z',
		}),
		touch('a', 'webinar', '2024-01-02'),
		touch('a', 'email', '2024-01-03'),
		touch('a', 'ads', '2024-01-04'),
		touch('a', 'sales', '2024-01-05'),
		touch('a', 'demo', '2024-01-06'),
	];

	it('U-shaped: 40 % first, 40 % lead-creation touch, 20 % the rest', () => {
		expect(credits(run(journey, { type: 'uShaped' }))).toEqual([0.4, 0.05, 0.4, 0.05, 0.05, 0.05]);
	});

	it('W-shaped: 30 % first, lead and deal touches, 10 % the rest', () => {
		expect(credits(run(journey, { type: 'wShaped' }))).toEqual([
			0.3, 0.033333333333, 0.3, 0.033333333333, 0.3, 0.033333333333,
		]);
	});

	it('full path: 22.5 % first, lead, deal and closed-won touches, 10 % the rest', () => {
		expect(credits(run(journey, { type: 'fullPath' }))).toEqual([
			0.225, 0.05, 0.225, 0.05, 0.225, 0.225,
		]);
	});

	it('reports a missing stage date on each item of the journey', () => {
		const { journeys } = journeysFromTouchpointItems(referenceItems.slice(0, 2), fields);
		const result = attribute(journeys, { type: 'uShaped' }, { stageFields: { lead: 'leadAt' } });
		expect(result.contacts).toEqual([]);
		expect(result.errors).toEqual(
			[0, 1].map((index) => ({
				index,
				field: 'leadAt',
				message: expect.stringMatching(/'leadAt' is empty .* map the date the lead was created/),
			})),
		);
	});
});

describe('attribution: conversion handling and outputs', () => {
	it('splits the conversion value by credit, ignores touches after the conversion and keeps input indexes', () => {
		const items = [
			touch('a', 'ads', '2024-01-01', {
				campaign: 'spring',
				amount: 1000,
				convertedAt: '2024-01-03',
			}),
			touch('b', 'email', '2024-01-01', { amount: '300' }),
			touch('a', 'email', '2024-01-02', { campaign: 'nurture' }),
			touch('a', 'ads', '2024-01-05', { campaign: 'spring' }),
		];
		const result = run(items, { type: 'linear' }, 'channelAndCampaign');
		expect(result.contacts[0]).toEqual({
			contact: 'a',
			conversionValue: 1000,
			conversionTime: '2024-01-03T00:00:00.000Z',
			touches: [
				{
					index: 0,
					position: 1,
					time: '2024-01-01T00:00:00.000Z',
					channel: 'ads',
					campaign: 'spring',
					credit: 0.5,
					value: 500,
				},
				{
					index: 2,
					position: 2,
					time: '2024-01-02T00:00:00.000Z',
					channel: 'email',
					campaign: 'nurture',
					credit: 0.5,
					value: 500,
				},
			],
			byChannel: { ads: 0.5, email: 0.5 },
			byCampaign: { spring: 0.5, nurture: 0.5 },
			ignoredTouches: 1,
			indexes: [0, 2, 3],
		});
		expect(result.aggregate).toEqual([
			{
				channel: 'email',
				campaign: '(none)',
				conversions: 1,
				value: 300,
				touches: 1,
				contacts: 1,
				indexes: [1],
			},
			{
				channel: 'ads',
				campaign: 'spring',
				conversions: 0.5,
				value: 500,
				touches: 1,
				contacts: 1,
				indexes: [0],
			},
			{
				channel: 'email',
				campaign: 'nurture',
				conversions: 0.5,
				value: 500,
				touches: 1,
				contacts: 1,
				indexes: [2],
			},
		]);
	});

	it('orders touches with equal timestamps stably, by input order', () => {
		const items = [
			touch('a', 'first', '2024-01-01T10:00:00Z'),
			touch('a', 'second', '2024-01-01T10:00:00Z'),
			touch('a', 'third', '2024-01-01T10:00:00Z'),
		];
		const result = run(items, { type: 'firstTouch' });
		expect(result.contacts[0].touches.map((t) => [t.channel, t.credit])).toEqual([
			['first', 1],
			['second', 0],
			['third', 0],
		]);
		const shuffled = run([items[2], items[0], items[1]], { type: 'firstTouch' });
		expect(shuffled.contacts[0].touches[0].channel).toBe('third');
	});

	it('reads one item per contact with a touchpoints list', () => {
		const items = [
			{
				email: 'x',
				touchpoints: [
					{ channel: 'C', at: '2024-01-03' },
					{ channel: 'A', at: '2024-01-01' },
					{ channel: 'B', at: '2024-01-02' },
				],
			},
			{
				email: 'y',
				touchpoints: [
					{ channel: 'A', at: '2024-01-01' },
					{ channel: 'C', at: '2024-01-03' },
				],
			},
		];
		const { journeys, errors } = journeysFromContactItems(items, {
			...fields,
			touchpoints: 'touchpoints',
		});
		expect(errors).toEqual([]);
		const result = attribute(journeys, { type: 'positionBased' }, { aggregateBy: 'channel' });
		expect(byChannel(result)).toEqual({ A: 0.9, B: 0.2, C: 0.9 });
		expect(result.aggregate.find((row) => row.channel === 'A')?.indexes).toEqual([0, 1]);
	});
});

describe('attribution: bad input', () => {
	it('reports the item and field with the fix, and attributes the rest', () => {
		const items = [
			touch('a', 'ads', '2024-01-01'),
			touch('a', 'email', 'not a date'),
			{ channel: 'ads', at: '2024-01-01' },
			touch('a', '', '2024-01-02'),
			touch('b', 'ads', '2024-01-01', { amount: 'lots' }),
			touch('a', { name: 'ads' } as unknown as string, '2024-01-02'),
		];
		const { journeys, errors } = journeysFromTouchpointItems(items, fields);
		expect(errors.map((e) => [e.index, e.field])).toEqual([
			[1, 'at'],
			[2, 'email'],
			[3, 'channel'],
			[4, 'amount'],
			[5, 'channel'],
		]);
		expect(errors[0].message).toMatch(/'at': 'not a date' is not a date: use an ISO 8601 date/);
		expect(errors[2].message).toMatch(/every touchpoint needs a channel/);
		expect(errors[3].message).toMatch(/not a number: map a numeric conversion value/);
		expect(errors[4].message).toMatch(/is an object, but the channel must be text/);
		expect(journeys.map((j) => [j.contact, j.indexes])).toEqual([['a', [0]]]);
	});

	it('flags a conversion value that differs between touchpoints of one contact', () => {
		const { errors } = journeysFromTouchpointItems(
			[
				touch('a', 'x', '2024-01-01', { amount: 10 }),
				touch('a', 'y', '2024-01-02', { amount: 20 }),
			],
			fields,
		);
		expect(errors).toEqual([
			{
				index: 1,
				field: 'amount',
				message: expect.stringMatching(/differs from an earlier touchpoint of contact a/),
			},
		]);
	});

	it('names the list position of a bad touchpoint', () => {
		const { errors } = journeysFromContactItems(
			[
				{ email: 'a', touchpoints: [{ channel: 'A', at: '2024-01-01' }, { channel: 'B' }] },
				{ email: 'b', touchpoints: 'A,B' },
			],
			{ ...fields, touchpoints: 'touchpoints' },
		);
		expect(errors).toEqual([
			{
				index: 0,
				field: 'touchpoints[1].at',
				message: expect.stringMatching(/'touchpoints\[1\]\.at' is empty/),
			},
			{
				index: 1,
				field: 'touchpoints',
				message: expect.stringMatching(/must be a list of touchpoints/),
			},
		]);
	});

	it('rejects model settings that cannot work', () => {
		expect(checkModel({ type: 'custom', weights: { first: 0, last: 0, middle: 0 } })).toMatch(
			/sum to 0/,
		);
		expect(checkModel({ type: 'custom', weights: { first: -1 } })).toMatch(
			/"first" must be a number of 0 or more/,
		);
		expect(checkModel({ type: 'timeDecay', halfLifeHours: 0 })).toMatch(/half-life/);
		expect(() => attribute([], { type: 'custom', weights: {} })).toThrow(/sum to 0/);
	});
});
