// Associations API (v4): batch create (default associations, HubSpot's primary type between two
// objects, or labelled ones with an explicit category and type id), batch archive, a record's
// associations to another type, and the labels between two object types. Every path of this API is built here.
import type { IDataObject } from 'n8n-workflow';
import { chunk } from '../../shared/upsert';
import { postBatch, type BatchOutcome } from '../transport/batch';
import type { HubSpotClient } from '../transport/client';
import { paginate, type Page } from './paginate';

/** The largest page the v4 associations list serves. */
const LIST_PAGE_SIZE = 500;

export interface AssociationPair {
	fromId: string;
	toId: string;
}

export interface AssociationLabel {
	associationCategory: string;
	associationTypeId: number;
}

/** An association type between two object types, as the labels endpoint lists it. */
export interface AssociationTypeLabel {
	category: string;
	typeId: number;
	/** null for the unlabeled type (the one default associations use). */
	label: string | null;
}

/** The association types (labels) from one object type to another. */
export async function listAssociationLabels(
	client: HubSpotClient,
	fromType: string,
	toType: string,
): Promise<AssociationTypeLabel[]> {
	const { body } = await client.request<{ results?: AssociationTypeLabel[] }>({
		method: 'GET',
		path: `/crm/v4/associations/${encodeURIComponent(fromType)}/${encodeURIComponent(toType)}/labels`,
	});
	return body.results ?? [];
}

export const pairKey = (fromId: unknown, toId: unknown) => `${String(fromId)}>${String(toId)}`;

const batchPath = (fromType: string, toType: string, action: string) =>
	`/crm/v4/associations/${encodeURIComponent(fromType)}/${encodeURIComponent(toType)}/batch/${action}`;

function idOf(side: unknown): string {
	return typeof side === 'object' && side !== null ? String((side as IDataObject).id ?? '') : '';
}

/** associate/default answers `{from: {id}, to: {id}}`; labelled create answers `{fromObjectId, toObjectId}`. */
function resultKey(entry: IDataObject): string {
	return entry.fromObjectId !== undefined
		? pairKey(entry.fromObjectId, entry.toObjectId)
		: pairKey(idOf(entry.from), idOf(entry.to));
}

/** Results and failures keyed by `pairKey(fromId, toId)`. */
export async function associate(
	client: HubSpotClient,
	fromType: string,
	toType: string,
	pairs: readonly AssociationPair[],
	label: AssociationLabel | undefined,
	batchSize: number,
): Promise<BatchOutcome> {
	const outcome: BatchOutcome = { results: new Map(), failures: new Map() };
	const path = batchPath(fromType, toType, label ? 'create' : 'associate/default');
	const unique = [
		...new Map(pairs.map((pair) => [pairKey(pair.fromId, pair.toId), pair])).values(),
	];
	for (const part of chunk(unique, batchSize)) {
		const result = await postBatch(client, {
			path,
			traced: false,
			inputs: part.map(({ fromId, toId }) => ({
				trace: pairKey(fromId, toId),
				input: { from: { id: fromId }, to: { id: toId }, ...(label ? { types: [label] } : {}) },
			})),
			traceOf: resultKey,
		});
		for (const [key, value] of result.results) outcome.results.set(key, value);
		for (const [key, value] of result.failures) outcome.failures.set(key, value);
	}
	return outcome;
}

/** Removes every association between each pair (one call for the pairs given). */
export async function removeAssociations(
	client: HubSpotClient,
	fromType: string,
	toType: string,
	pairs: readonly AssociationPair[],
): Promise<void> {
	await client.request({
		method: 'POST',
		path: batchPath(fromType, toType, 'archive'),
		body: {
			inputs: pairs.map(({ fromId, toId }) => ({ from: { id: fromId }, to: [{ id: toId }] })),
		},
	});
}

/** A record's associations to `toType`, with their labels, every page. */
export function listAssociations(
	client: HubSpotClient,
	fromType: string,
	fromId: string,
	toType: string,
): AsyncGenerator<IDataObject> {
	const path = `/crm/v4/objects/${encodeURIComponent(fromType)}/${encodeURIComponent(fromId)}/associations/${encodeURIComponent(toType)}`;
	return paginate(
		async (after, pageLimit) =>
			(
				await client.request<Page>({
					method: 'GET',
					path,
					qs: { limit: pageLimit, ...(after ? { after } : {}) },
				})
			).body,
		LIST_PAGE_SIZE,
	);
}
