/** Jaro-Winkler similarity in [0, 1]: rewards a shared prefix (up to 4 characters, scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
	if (a === b) return 1;
	const lengthA = a.length;
	const lengthB = b.length;
	if (lengthA === 0 || lengthB === 0) return 0;
	const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
	const matchedA = new Uint8Array(lengthA);
	const matchedB = new Uint8Array(lengthB);
	let matches = 0;
	for (let i = 0; i < lengthA; i++) {
		const from = Math.max(0, i - window);
		const to = Math.min(lengthB - 1, i + window);
		for (let j = from; j <= to; j++) {
			if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
			matchedA[i] = 1;
			matchedB[j] = 1;
			matches++;
			break;
		}
	}
	if (matches === 0) return 0;
	let halfTranspositions = 0;
	for (let i = 0, j = 0; i < lengthA; i++) {
		if (!matchedA[i]) continue;
		while (!matchedB[j]) j++;
		if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
		j++;
	}
	const jaro =
		(matches / lengthA + matches / lengthB + (matches - halfTranspositions / 2) / matches) / 3;
	let prefix = 0;
	while (
		prefix < 4 &&
		prefix < lengthA &&
		prefix < lengthB &&
		a.charCodeAt(prefix) === b.charCodeAt(prefix)
	)
		prefix++;
	return jaro + prefix * 0.1 * (1 - jaro);
}

/** Normalized InDel similarity, 1 − (insertions + deletions) / (|a| + |b|), as rapidfuzz's `ratio`. */
export function indelRatio(a: string, b: string): number {
	const total = a.length + b.length;
	if (total === 0) return 1;
	// Longest common subsequence with one rolling row.
	const row = new Int32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = 0;
		const code = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = code === b.charCodeAt(j - 1) ? diagonal + 1 : Math.max(above, row[j - 1]);
			diagonal = above;
		}
	}
	return (2 * row[b.length]) / total;
}

/**
 * Token-set similarity (rapidfuzz `token_set_ratio`): word order and repeated words do not matter, and a
 * name whose words are all contained in the other scores 1 ("acme" vs "acme software").
 */
export function tokenSetRatio(tokensA: readonly string[], tokensB: readonly string[]): number {
	const setA = new Set(tokensA);
	const setB = new Set(tokensB);
	const common: string[] = [];
	const onlyA: string[] = [];
	const onlyB: string[] = [];
	setA.forEach((token) => (setB.has(token) ? common : onlyA).push(token));
	setB.forEach((token) => {
		if (!setA.has(token)) onlyB.push(token);
	});
	if (common.length > 0 && (onlyA.length === 0 || onlyB.length === 0)) return 1;
	const intersection = common.sort().join(' ');
	const join = (rest: string[]) => [intersection, rest.sort().join(' ')].filter(Boolean).join(' ');
	const withA = join(onlyA);
	const withB = join(onlyB);
	return Math.max(
		indelRatio(intersection, withA),
		indelRatio(intersection, withB),
		indelRatio(withA, withB),
	);
}
