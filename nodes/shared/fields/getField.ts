/**
 * Reads `field` from a record: an exact key first (keys may contain dots), then a dot path such as
 * `properties.domain` for nested objects like HubSpot records.
 */
export function getField(record: Record<string, unknown>, field: string): unknown {
	if (field in record) return record[field];
	let value: unknown = record;
	for (const part of field.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/**
 * Absent, null, NaN or blank text, and the placeholders Clay and CSV exports write for "no value"
 * ("N/A", "null", "-"): a field the user did not fill in.
 */
export function isMissing(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'number') return Number.isNaN(value);
	if (typeof value !== 'string') return false;
	const text = value.trim().toLowerCase();
	return text === '' || text === 'n/a' || text === 'null' || text === 'undefined' || text === '-';
}
