// Clay enrichment columns often arrive as one nested object (`enrichment_data: {company: {size: 120}}`).
// Flattening lifts its leaves to top-level fields (`company_size`) so later nodes and the row schema
// can name them directly.

export const ENRICHMENT_KEY = 'enrichment_data';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function collectLeaves(
	value: Record<string, unknown>,
	prefix: string,
	separator: string,
	into: Record<string, unknown>,
) {
	for (const [key, child] of Object.entries(value)) {
		const name = prefix ? `${prefix}${separator}${key}` : key;
		// Lists stay whole: their positions are not names a person would use.
		if (isPlainObject(child) && Object.keys(child).length > 0)
			collectLeaves(child, name, separator, into);
		else into[name] = child;
	}
}

/**
 * The row with `key` replaced by its flattened leaves. The row's own fields win over a leaf of the same
 * name (they are what Clay's columns say); such a leaf keeps the `key` prefix instead of being dropped.
 */
export function flattenEnrichment(
	row: Record<string, unknown>,
	key = ENRICHMENT_KEY,
	separator = '_',
): Record<string, unknown> {
	const nested = row[key];
	if (!isPlainObject(nested)) return row;
	const leaves: Record<string, unknown> = {};
	collectLeaves(nested, '', separator, leaves);
	const flat: Record<string, unknown> = { ...row };
	delete flat[key];
	for (const [name, value] of Object.entries(leaves)) {
		flat[name in flat ? `${key}${separator}${name}` : name] = value;
	}
	return flat;
}
