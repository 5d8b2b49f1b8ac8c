import { jaroWinkler, tokenSetRatio } from './similarity';

export type NameSimilarity = 'jaroWinkler' | 'tokenSet';

export interface FuzzyNameOptions {
	algorithm: NameSimilarity;
	/** Minimum similarity in [0, 1] for two names in the same domain block to be duplicates. */
	threshold: number;
	/** Fields holding the company name; default: those of the first company-name key part. */
	nameFields?: string[];
	/** Fields holding the domain, URL or email; default: those of the first domain key part. */
	domainFields?: string[];
}

/** One distinct normalized company name inside one domain block. */
export interface NameEntry {
	name: string;
	tokens: string[];
	/** Index of the first record carrying this name in this block. */
	firstIndex: number;
	/** The most similar name it was matched to, for the duplicate's reason. */
	bestMatch?: { name: string; score: number };
}

export const SIMILARITY_LABEL: Record<NameSimilarity, string> = {
	jaroWinkler: 'Jaro-Winkler',
	tokenSet: 'token set',
};

export function nameSimilarity(a: NameEntry, b: NameEntry, algorithm: NameSimilarity): number {
	return algorithm === 'tokenSet' ? tokenSetRatio(a.tokens, b.tokens) : jaroWinkler(a.name, b.name);
}

// Up to this many names a block is compared all-pairs; above it only names sharing a word or their first
// three letters are, so a block as large as gmail.com stays near-linear.
const ALL_PAIRS_UP_TO = 64;
// A word shared by this many names (e.g. "consulting") says little and would make the comparison quadratic.
const MAX_POSTING = 200;

function candidatePairs(
	entries: readonly NameEntry[],
	visit: (a: number, b: number) => void,
): void {
	if (entries.length <= ALL_PAIRS_UP_TO) {
		for (let a = 0; a < entries.length; a++)
			for (let b = a + 1; b < entries.length; b++) visit(a, b);
		return;
	}
	const postings = new Map<string, number[]>();
	entries.forEach((entry, id) => {
		const blockingKeys = new Set(entry.tokens);
		blockingKeys.add(`^${entry.name.replace(/ /g, '').slice(0, 3)}`);
		blockingKeys.forEach((blockingKey) => {
			const list = postings.get(blockingKey);
			if (list) list.push(id);
			else postings.set(blockingKey, [id]);
		});
	});
	const seen = new Set<number>();
	postings.forEach((ids) => {
		if (ids.length > MAX_POSTING) return;
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				const pair = ids[i] * entries.length + ids[j];
				if (seen.has(pair)) continue;
				seen.add(pair);
				visit(ids[i], ids[j]);
			}
		}
	});
}

/** Calls `onMatch` for every pair of names in one block at or above the threshold. */
export function matchSimilarNames(
	entries: NameEntry[],
	options: FuzzyNameOptions,
	onMatch: (a: NameEntry, b: NameEntry, score: number) => void,
): void {
	candidatePairs(entries, (i, j) => {
		const a = entries[i];
		const b = entries[j];
		const score = nameSimilarity(a, b, options.algorithm);
		if (score < options.threshold) return;
		if (!a.bestMatch || score > a.bestMatch.score) a.bestMatch = { name: b.name, score };
		if (!b.bestMatch || score > b.bestMatch.score) b.bestMatch = { name: a.name, score };
		onMatch(a, b, score);
	});
}
