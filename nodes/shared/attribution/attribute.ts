import type { AttributionError, Journey, Touchpoint } from './journeys';
import {
	checkModel,
	requiredMilestoneDates,
	touchCredits,
	type AttributionModel,
	type MilestoneTouches,
} from './models';

export interface TouchCredit {
	/** Input item of the touch. */
	index: number;
	/** 1-based place in the journey, in time order. */
	position: number;
	time: string;
	channel: string;
	campaign: string;
	/** Share of the conversion, in [0, 1]; a journey's credits sum to 1. */
	credit: number;
	/** credit × conversion value. */
	value: number;
}

export interface ContactCredits {
	contact: string;
	conversionValue: number;
	conversionTime?: string;
	/** Counted touches in time order; empty for a journey with no touch before the conversion. */
	touches: TouchCredit[];
	byChannel: Record<string, number>;
	byCampaign: Record<string, number>;
	/** Touches after the conversion, left out. */
	ignoredTouches: number;
	/** Every input item of the journey, ignored touches included (for pairedItem). */
	indexes: number[];
}

export type AggregateBy = 'channel' | 'campaign' | 'channelAndCampaign';

export interface AggregateRow {
	channel?: string;
	campaign?: string;
	/** Credited conversions: the sum of the credits of this row's touches. */
	conversions: number;
	/** Credited conversion value. */
	value: number;
	touches: number;
	contacts: number;
	/** Input items of the touches summed here. */
	indexes: number[];
}

export interface AttributionResult {
	contacts: ContactCredits[];
	aggregate: AggregateRow[];
	/** Conversions with no touch to credit (0-touch journeys). */
	unattributed: { conversions: number; value: number; indexes: number[] };
	errors: AttributionError[];
}

export interface AttributeOptions {
	aggregateBy?: AggregateBy;
	/** Field names of the stage dates, to name them in errors. */
	stageFields?: { lead?: string; deal?: string };
}

/** Label for touches without a campaign in the per-campaign groupings. */
export const NO_CAMPAIGN = '(none)';

// Credits are rounded to 12 decimals so that 0.4 + 0.5 reads 0.9, not 0.8999999999999999.
const round = (value: number): number => Math.round(value * 1e12) / 1e12;

/** Time order; equal timestamps keep input order (item, then position in a touchpoints list). */
function inTimeOrder(touches: readonly Touchpoint[]): Touchpoint[] {
	return touches.slice().sort((a, b) => a.time - b.time || a.index - b.index || a.order - b.order);
}

/** The last touch at or before a stage date; the first touch when the stage came before any touch. */
function touchAtOrBefore(touches: readonly Touchpoint[], time: number): number {
	let at = 0;
	for (let i = 0; i < touches.length && touches[i].time <= time; i++) at = i;
	return at;
}

function addTo(map: Record<string, number>, key: string, amount: number): void {
	map[key] = (map[key] ?? 0) + amount;
}

function roundAll(map: Record<string, number>): Record<string, number> {
	for (const key of Object.keys(map)) map[key] = round(map[key]);
	return map;
}

function creditJourney(
	journey: Journey,
	model: AttributionModel,
	stageFields: AttributeOptions['stageFields'],
): ContactCredits | AttributionError[] {
	const conversionTime = journey.conversionTime;
	const sorted = inTimeOrder(journey.touchpoints);
	const counted =
		conversionTime === undefined ? sorted : sorted.filter((touch) => touch.time <= conversionTime);
	const milestones: MilestoneTouches = { first: 0, last: counted.length - 1 };
	if (counted.length > 0) {
		for (const stage of requiredMilestoneDates(model)) {
			const time = stage === 'lead' ? journey.leadCreatedTime : journey.dealCreatedTime;
			if (time === undefined) {
				const field = stageFields?.[stage] ?? `${stage}CreatedTime`;
				const message = `'${field}' is empty for contact ${journey.contact}: the ${model.type} model credits the ${stage}-creation touch, so map the date the ${stage} was created or choose the position-based model`;
				return journey.indexes.map((index) => ({ index, field, message }));
			}
			milestones[stage] = touchAtOrBefore(counted, time);
		}
	}
	const credits = touchCredits(
		model,
		counted.map((touch) => touch.time),
		milestones,
	);
	const conversionValue = journey.conversionValue ?? 0;
	const result: ContactCredits = {
		contact: journey.contact,
		conversionValue,
		...(conversionTime === undefined
			? {}
			: { conversionTime: new Date(conversionTime).toISOString() }),
		touches: [],
		byChannel: {},
		byCampaign: {},
		ignoredTouches: sorted.length - counted.length,
		indexes: journey.indexes.slice().sort((a, b) => a - b),
	};
	counted.forEach((touch, i) => {
		const credit = round(credits[i]);
		result.touches.push({
			index: touch.index,
			position: i + 1,
			time: new Date(touch.time).toISOString(),
			channel: touch.channel,
			campaign: touch.campaign,
			credit,
			value: round(credits[i] * conversionValue),
		});
		addTo(result.byChannel, touch.channel, credits[i]);
		addTo(result.byCampaign, touch.campaign || NO_CAMPAIGN, credits[i]);
	});
	roundAll(result.byChannel);
	roundAll(result.byCampaign);
	return result;
}

function aggregateKey(
	touch: TouchCredit,
	by: AggregateBy,
): { key: string; row: Pick<AggregateRow, 'channel' | 'campaign'> } {
	const campaign = touch.campaign || NO_CAMPAIGN;
	if (by === 'channel') return { key: touch.channel, row: { channel: touch.channel } };
	if (by === 'campaign') return { key: campaign, row: { campaign } };
	return { key: `${touch.channel}\u001f${campaign}`, row: { channel: touch.channel, campaign } };
}

/** Sums credited conversions and value per channel, campaign or both; largest credit first, ties by first seen. */
export function aggregateCredits(
	contacts: readonly ContactCredits[],
	by: AggregateBy = 'channelAndCampaign',
): AggregateRow[] {
	const rows = new Map<string, AggregateRow & { indexSet: Set<number>; contactSet: Set<number> }>();
	contacts.forEach((contact, contactNumber) => {
		for (const touch of contact.touches) {
			const { key, row } = aggregateKey(touch, by);
			let entry = rows.get(key);
			if (!entry) {
				entry = {
					...row,
					conversions: 0,
					value: 0,
					touches: 0,
					contacts: 0,
					indexes: [],
					indexSet: new Set(),
					contactSet: new Set(),
				};
				rows.set(key, entry);
			}
			entry.conversions += touch.credit;
			entry.value += touch.value;
			entry.touches++;
			entry.indexSet.add(touch.index);
			entry.contactSet.add(contactNumber);
		}
	});
	return Array.from(rows.values())
		.map(({ indexSet, contactSet, ...row }) => ({
			...row,
			conversions: round(row.conversions),
			value: round(row.value),
			contacts: contactSet.size,
			indexes: Array.from(indexSet).sort((a, b) => a - b),
		}))
		.sort((a, b) => b.conversions - a.conversions);
}

/**
 * Credits each journey's conversion to its touches under `model` and sums the credits per channel/campaign.
 * Touches after the conversion are ignored; a journey the model cannot credit (missing stage date) yields
 * an error on each of its items and is left out. Throws only for invalid model settings.
 */
export function attribute(
	journeys: readonly Journey[],
	model: AttributionModel,
	options: AttributeOptions = {},
): AttributionResult {
	const problem = checkModel(model);
	if (problem) throw new Error(problem);
	const result: AttributionResult = {
		contacts: [],
		aggregate: [],
		unattributed: { conversions: 0, value: 0, indexes: [] },
		errors: [],
	};
	for (const journey of journeys) {
		const credited = creditJourney(journey, model, options.stageFields);
		if (Array.isArray(credited)) {
			result.errors.push(...credited);
			continue;
		}
		result.contacts.push(credited);
		if (credited.touches.length === 0) {
			result.unattributed.conversions++;
			result.unattributed.value = round(result.unattributed.value + credited.conversionValue);
			result.unattributed.indexes.push(...credited.indexes);
		}
	}
	result.unattributed.indexes.sort((a, b) => a - b);
	result.aggregate = aggregateCredits(result.contacts, options.aggregateBy);
	return result;
}
