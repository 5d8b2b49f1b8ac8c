/** Touches a position-based model can single out; every other touch shares the middle weight. */
export type Milestone = 'first' | 'lead' | 'deal' | 'last';

export type AttributionModel =
	| { type: 'firstTouch' }
	| { type: 'lastTouch' }
	| { type: 'linear' }
	/** 40 % first, 40 % last, 20 % shared by the touches in between. */
	| { type: 'positionBased' }
	/** 40 % first, 40 % lead-creation touch, 20 % the rest (HubSpot). */
	| { type: 'uShaped' }
	/** 30 % first, lead-creation and deal-creation touches each, 10 % the rest (HubSpot). */
	| { type: 'wShaped' }
	/** 22.5 % first, lead, deal and closed-won (last) touches each, 10 % the rest (HubSpot). */
	| { type: 'fullPath' }
	/** Weight 0.5^(age / half-life), age measured back from the conversion. HubSpot uses 7 days. */
	| { type: 'timeDecay'; halfLifeHours: number }
	/** Any mix of milestone weights and a middle weight; normalized, so 4/4/2 equals 0.4/0.4/0.2. */
	| { type: 'custom'; weights: Partial<Record<Milestone | 'middle', number>> };

export type ModelType = AttributionModel['type'];

interface PositionWeights {
	milestones: Partial<Record<Milestone, number>>;
	middle: number;
}

const POSITION_WEIGHTS: Partial<Record<ModelType, PositionWeights>> = {
	firstTouch: { milestones: { first: 1 }, middle: 0 },
	lastTouch: { milestones: { last: 1 }, middle: 0 },
	positionBased: { milestones: { first: 0.4, last: 0.4 }, middle: 0.2 },
	uShaped: { milestones: { first: 0.4, lead: 0.4 }, middle: 0.2 },
	wShaped: { milestones: { first: 0.3, lead: 0.3, deal: 0.3 }, middle: 0.1 },
	fullPath: { milestones: { first: 0.225, lead: 0.225, deal: 0.225, last: 0.225 }, middle: 0.1 },
};

const MILESTONES: Milestone[] = ['first', 'lead', 'deal', 'last'];

function positionWeights(model: AttributionModel): PositionWeights | undefined {
	if (model.type !== 'custom') return POSITION_WEIGHTS[model.type];
	const { middle = 0, ...milestones } = model.weights;
	return { milestones, middle };
}

/** Milestones whose date the model needs: `lead` and `deal` touches are found from the contact's stage dates. */
export function requiredMilestoneDates(model: AttributionModel): Array<'lead' | 'deal'> {
	const weights = positionWeights(model);
	if (!weights) return [];
	return (['lead', 'deal'] as const).filter(
		(milestone) => (weights.milestones[milestone] ?? 0) > 0,
	);
}

/** A problem with the model settings (applies to the whole run), or undefined. */
export function checkModel(model: AttributionModel): string | undefined {
	if (model.type === 'timeDecay') {
		if (
			!(
				typeof model.halfLifeHours === 'number' &&
				model.halfLifeHours > 0 &&
				Number.isFinite(model.halfLifeHours)
			)
		) {
			return 'The time-decay half-life must be a positive number of hours (HubSpot uses 7 days = 168 hours)';
		}
	}
	if (model.type === 'custom') {
		const entries = Object.entries(model.weights);
		const bad = entries.find(
			([, weight]) => typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight),
		);
		if (bad)
			return `The custom weight for "${bad[0]}" must be a number of 0 or more, got ${String(bad[1])}`;
		const total = entries.reduce((sum, [, weight]) => sum + (weight ?? 0), 0);
		if (total <= 0)
			return 'The custom weights sum to 0: give at least one of first, lead, deal, last or middle a weight above 0';
	}
	return undefined;
}

/** Index (in time order) of each milestone touch; `lead`/`deal` are the last touch at or before that stage. */
export type MilestoneTouches = Partial<Record<Milestone, number>>;

function normalize(weights: number[]): number[] {
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	// Every position weighted 0 (e.g. custom middle-only on a 2-touch journey): fall back to equal credit.
	if (total <= 0) return weights.map(() => 1 / weights.length);
	return weights.map((weight) => weight / total);
}

/**
 * Credit of each touch (in time order, summing to 1). Milestones landing on the same touch add up; with no
 * middle touches the middle weight is spread over the milestones in proportion, so 2 touches under
 * position-based get 0.5 each and 1 touch gets 1.
 */
export function touchCredits(
	model: AttributionModel,
	times: readonly number[],
	milestones: MilestoneTouches,
): number[] {
	const count = times.length;
	if (count === 0) return [];
	if (model.type === 'linear') return times.map(() => 1 / count);
	if (model.type === 'timeDecay') {
		// Ages are measured from the newest touch rather than the conversion: the common factor cancels in the
		// normalization, and years-old journeys cannot underflow to all zeros.
		const newest = times[count - 1];
		const halfLifeMs = model.halfLifeHours * 3600000;
		return normalize(times.map((time) => Math.pow(0.5, (newest - time) / halfLifeMs)));
	}
	const weights = positionWeights(model) as PositionWeights;
	const credits = new Array<number>(count).fill(0);
	const isMilestone = new Array<boolean>(count).fill(false);
	for (const milestone of MILESTONES) {
		const weight = weights.milestones[milestone] ?? 0;
		const at = milestones[milestone];
		if (weight <= 0 || at === undefined) continue;
		credits[at] += weight;
		isMilestone[at] = true;
	}
	const middleTouches = isMilestone.filter((flag) => !flag).length;
	if (middleTouches > 0 && weights.middle > 0) {
		for (let i = 0; i < count; i++)
			if (!isMilestone[i]) credits[i] += weights.middle / middleTouches;
	}
	return normalize(credits);
}
