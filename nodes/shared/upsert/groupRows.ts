// Rows that name the same record (same company domain, same email) become one write, so a batch
// never names a record twice and every row still gets its own answer.

export type KeyOutcome = { key: string } | { reason: string; code: string };

export interface GroupedRows {
	/** Record key → indexes of the rows naming it, in input order. */
	groups: Map<string, number[]>;
	rejected: Array<{ index: number; reason: string; code: string }>;
}

export function groupRowsByKey(outcomes: readonly KeyOutcome[]): GroupedRows {
	const groups = new Map<string, number[]>();
	const rejected: GroupedRows['rejected'] = [];
	outcomes.forEach((outcome, index) => {
		if ('reason' in outcome) {
			rejected.push({ index, reason: outcome.reason, code: outcome.code });
			return;
		}
		const rows = groups.get(outcome.key);
		if (rows) rows.push(index);
		else groups.set(outcome.key, [index]);
	});
	return { groups, rejected };
}

/** Splits a list into runs of at most `size` (HubSpot batches take 100 inputs). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
	return chunks;
}
