// readChanges against a fake search with HubSpot's rules — one sort, 200 a page, a cap on the results one
// query may page through — and no promise about the order of records sharing a timestamp (this fake
// returns them in reverse id order): every changed record is read once, past the cap and through ties.
import type { IDataObject } from 'n8n-workflow';
import { readChanges } from '../../../../../nodes/HubSpot/api/changes';
import type { HubSpotClient, HubSpotRequest } from '../../../../../nodes/HubSpot/transport/client';

interface Stored {
	id: string;
	modified: number;
	archivedAt?: number;
}

function fakeHubSpot(records: Stored[], maxResults: number) {
	const calls: HubSpotRequest[] = [];
	const client = {
		async request(request: HubSpotRequest) {
			calls.push(request);
			if (request.method === 'GET') {
				// The archived view of the list endpoint, 100 a page.
				const archived = records.filter((r) => r.archivedAt !== undefined);
				const offset = Number(request.qs?.after ?? 0);
				const page = archived.slice(offset, offset + 100);
				return {
					status: 200,
					body: {
						results: page.map((r) => ({
							id: r.id,
							archived: true,
							archivedAt: new Date(r.archivedAt!).toISOString(),
							properties: { hs_lastmodifieddate: new Date(r.modified).toISOString() },
						})),
						...(offset + 100 < archived.length
							? { paging: { next: { after: String(offset + 100) } } }
							: {}),
					},
				};
			}
			const body = request.body as IDataObject;
			const filters = ((body.filterGroups as IDataObject[])[0]?.filters ?? []) as IDataObject[];
			const value = (r: Stored, name: unknown) =>
				name === 'hs_object_id' ? Number(r.id) : r.modified;
			const hits = records
				.filter((r) => r.archivedAt === undefined)
				.filter((r) =>
					filters.every((f) => {
						const v = value(r, f.propertyName);
						const w = Number(f.value);
						return f.operator === 'GTE' ? v >= w : f.operator === 'GT' ? v > w : v === w;
					}),
				);
			const sortBy = (body.sorts as IDataObject[])[0].propertyName;
			// Ties in an order HubSpot does not promise: reverse id.
			hits.sort((a, b) => value(a, sortBy) - value(b, sortBy) || Number(b.id) - Number(a.id));
			const offset = Number(body.after ?? 0);
			if (offset >= maxResults) throw new Error(`paged past ${maxResults}`);
			const limit = Number(body.limit);
			const page = hits.slice(offset, offset + limit);
			const next = offset + limit;
			return {
				status: 200,
				body: {
					total: hits.length,
					results: page.map((r) => ({
						id: r.id,
						properties: { hs_lastmodifieddate: new Date(r.modified).toISOString() },
					})),
					...(next < hits.length && next < maxResults
						? { paging: { next: { after: String(next) } } }
						: {}),
				},
			};
		},
	};
	return { client: client as unknown as HubSpotClient, calls };
}

const T0 = Date.parse('2026-03-01T00:00:00Z');

/** `count` records from id `first`, `perTimestamp` sharing each millisecond. */
function companies(first: number, count: number, perTimestamp: number, at = T0): Stored[] {
	return Array.from({ length: count }, (_, i) => ({
		id: String(first + i),
		modified: at + Math.floor(i / perTimestamp),
	}));
}

const ids = (records: IDataObject[]) => records.map((r) => String(r.id));

describe('readChanges', () => {
	test('reads every record once past the result cap, whatever the order of equal timestamps', async () => {
		const all = companies(1000, 2500, 7);
		const { client, calls } = fakeHubSpot(all, 1000);
		const changes = await readChanges(client, 'companies', {
			overlapMs: 0,
			properties: ['name'],
			includeArchived: false,
		});
		expect(ids(changes.records).sort()).toEqual(all.map((r) => r.id).sort());
		expect(new Set(ids(changes.records)).size).toBe(2500);
		expect(changes.windows).toBeGreaterThan(2);
		expect(changes.watermark).toBe(Math.max(...all.map((r) => r.modified)));
		// Search pages at 200: no call asked for more.
		expect(calls.every((c) => Number((c.body as IDataObject).limit) <= 200)).toBe(true);
	});

	test('more records on one timestamp than a query can page through are read by id', async () => {
		const all = [...companies(1, 450, 450), ...companies(500, 30, 1, T0 + 5)];
		const { client } = fakeHubSpot(all, 200);
		const changes = await readChanges(client, 'companies', {
			overlapMs: 0,
			properties: [],
			includeArchived: false,
		});
		expect(ids(changes.records).sort()).toEqual(all.map((r) => r.id).sort());
		expect(new Set(ids(changes.records)).size).toBe(480);
	});

	test('reads from the watermark minus the overlap; nothing older', async () => {
		const all = companies(1, 100, 1);
		const { client, calls } = fakeHubSpot(all, 10_000);
		const changes = await readChanges(client, 'companies', {
			since: T0 + 80,
			overlapMs: 10,
			properties: [],
			includeArchived: false,
		});
		expect(ids(changes.records)).toEqual(all.slice(70).map((r) => r.id));
		expect(((calls[0].body as IDataObject).filterGroups as IDataObject[])[0]).toEqual({
			filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(T0 + 70) }],
		});
		// Nothing newer than the watermark: it stays where it was.
		const none = await readChanges(fakeHubSpot([], 10_000).client, 'companies', {
			since: T0 + 80,
			overlapMs: 10,
			properties: [],
			includeArchived: false,
		});
		expect(none).toMatchObject({ records: [], watermark: T0 + 80 });
	});

	test('archived records since the watermark come last, marked archived, each id once', async () => {
		const all = companies(1, 10, 1);
		all[2].archivedAt = T0 + 50; // archived since: read
		all[3].archivedAt = T0 - 50_000; // archived long ago: not a change of this run
		const { client } = fakeHubSpot(all, 10_000);
		const changes = await readChanges(client, 'companies', {
			since: T0 + 5,
			overlapMs: 0,
			properties: [],
			includeArchived: true,
		});
		expect(ids(changes.records)).toEqual(['6', '7', '8', '9', '10', '3']);
		expect(changes.records[5]).toMatchObject({ id: '3', archived: true });
		expect(changes.watermark).toBe(T0 + 50);
	});

	test('contacts are read by lastmodifieddate', async () => {
		const { client, calls } = fakeHubSpot([], 10_000);
		await readChanges(client, 'contacts', {
			since: T0,
			overlapMs: 0,
			properties: [],
			includeArchived: false,
		});
		expect((calls[0].body as IDataObject).sorts).toEqual([
			{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' },
		]);
	});
});
