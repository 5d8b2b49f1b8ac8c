import type { Run } from './run';

/** Properties to return (the "Properties" picker); empty = HubSpot's defaults. */
export function propertiesToReturn(run: Run): string[] {
	const value = run.rawOptions.properties;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value ? value.split(',').map((p) => p.trim()) : [];
}
