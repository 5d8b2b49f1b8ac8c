import { dedupe, type DedupeOptions } from '../../nodes/shared/dedupe/dedupe';

export interface LabelledPair {
	a: Record<string, unknown>;
	b: Record<string, unknown>;
	same: boolean;
	category: string;
}

export interface Confusion {
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	trueNegatives: number;
	/** Pairs where a record was rejected as bad input (counted as "not the same"). */
	errors: number;
}

export interface PairAccuracy extends Confusion {
	precision: number;
	recall: number;
	byCategory: Record<string, Confusion & { pairs: number; same: boolean }>;
	mistakes: Array<{ pair: LabelledPair; reason?: string }>;
}

const emptyConfusion = (): Confusion => ({
	truePositives: 0,
	falsePositives: 0,
	falseNegatives: 0,
	trueNegatives: 0,
	errors: 0,
});

/** Dedupes each labelled pair on its own and compares "b is a duplicate of a" with the label. */
export function pairAccuracy(pairs: readonly LabelledPair[], options: DedupeOptions): PairAccuracy {
	const total = emptyConfusion();
	const byCategory: PairAccuracy['byCategory'] = {};
	const mistakes: PairAccuracy['mistakes'] = [];
	for (const pair of pairs) {
		const result = dedupe([pair.a, pair.b], options);
		const predicted = result.duplicates.length === 1;
		const category = (byCategory[pair.category] ??= {
			...emptyConfusion(),
			pairs: 0,
			same: pair.same,
		});
		category.pairs++;
		const outcome: keyof Confusion = pair.same
			? predicted
				? 'truePositives'
				: 'falseNegatives'
			: predicted
				? 'falsePositives'
				: 'trueNegatives';
		total[outcome]++;
		category[outcome]++;
		if (result.errors.length > 0) {
			total.errors++;
			category.errors++;
		}
		if (predicted !== pair.same)
			mistakes.push({ pair, reason: result.duplicates[0]?.reason ?? result.errors[0]?.message });
	}
	return {
		...total,
		precision: total.truePositives / (total.truePositives + total.falsePositives),
		recall: total.truePositives / (total.truePositives + total.falseNegatives),
		byCategory,
		mistakes,
	};
}
