// HubSpot stores every property value as a string; these turn item values into what HubSpot accepts
// and decide which values count as "nothing" (a Clay blank must not erase CRM data).

/** null, undefined, whitespace-only text, an empty list: no value to write. */
export function isBlank(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** Multi-select values are `;`-joined in HubSpot; dates go as ISO strings; objects as JSON text. */
export function toPropertyValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(toPropertyValue).join(';');
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * Merges the values several input rows give for one record, in input order: a later non-blank
 * value wins, a blank never replaces an earlier value.
 */
export function mergeRows(rows: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
	const merged: Record<string, unknown> = {};
	for (const row of rows) {
		for (const [name, value] of Object.entries(row)) {
			if (!isBlank(value) || !(name in merged)) merged[name] = value;
		}
	}
	return merged;
}
