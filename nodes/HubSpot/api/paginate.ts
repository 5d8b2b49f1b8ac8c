// HubSpot's list endpoints (objects, search, associations) all page the same way: `results` and a
// `paging.next.after` cursor to send back. This is the one loop that follows it.
import type { IDataObject } from 'n8n-workflow';

export interface Page<T = IDataObject> {
	results?: T[];
	paging?: { next?: { after?: string } };
}

/**
 * Every record of every page, in order, until `limit` records (undefined = all). `fetchPage` gets the
 * cursor (undefined for the first page) and how many records the page should hold at most.
 */
export async function* paginate<T = IDataObject>(
	fetchPage: (after: string | undefined, pageLimit: number) => Promise<Page<T>>,
	pageSize: number,
	limit?: number,
): AsyncGenerator<T> {
	let after: string | undefined;
	let count = 0;
	do {
		const pageLimit = Math.min(pageSize, limit === undefined ? pageSize : limit - count);
		const page = await fetchPage(after, pageLimit);
		for (const record of page.results ?? []) {
			if (limit !== undefined && count >= limit) return;
			count++;
			yield record;
		}
		after = page.paging?.next?.after;
	} while (after && (limit === undefined || count < limit));
}

/** All of `paginate`'s records in one array. */
export async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
	const all: T[] = [];
	for await (const record of records) all.push(record);
	return all;
}
