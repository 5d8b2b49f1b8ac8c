// A quantile from histogram buckets, as Prometheus' histogram_quantile() computes it: find the bucket the
// rank falls in and interpolate linearly inside it (from 0 for the first); a rank in +Inf answers the
// highest finite bound.

export function histogramQuantile(
	q: number,
	bounds: readonly number[],
	buckets: readonly number[],
): number | undefined {
	const total = buckets.reduce((sum, n) => sum + n, 0);
	if (!total) return undefined;
	const rank = q * total;
	let below = 0;
	for (let i = 0; i < buckets.length; i++) {
		const inBucket = buckets[i];
		if (below + inBucket >= rank && inBucket > 0) {
			if (i >= bounds.length) return bounds[bounds.length - 1];
			const lower = i === 0 ? 0 : bounds[i - 1];
			return lower + (bounds[i] - lower) * ((rank - below) / inBucket);
		}
		below += inBucket;
	}
	return bounds[bounds.length - 1];
}
