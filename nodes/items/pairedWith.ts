import type { IPairedItemData } from 'n8n-workflow';

/** pairedItem of an output item built from these input items: merged and aggregated items name them all. */
export function pairedWith(indexes: readonly number[]): IPairedItemData | IPairedItemData[] {
	return indexes.length === 1 ? { item: indexes[0] } : indexes.map((item) => ({ item }));
}
