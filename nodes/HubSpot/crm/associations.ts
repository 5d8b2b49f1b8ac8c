// Associations v4 in batches: default associations (HubSpot's primary type between two objects)
// or labelled ones (explicit category and type id).
import type { IDataObject } from 'n8n-workflow';
import { chunk } from '../../shared/crm';
import { postBatch, type BatchOutcome } from '../transport/batch';
import type { HubSpotClient } from '../transport/client';

export interface AssociationPair {
	fromId: string;
	toId: string;
}

export interface AssociationLabel {
	associationCategory: string;
	associationTypeId: number;
}

export const pairKey = (fromId: unknown, toId: unknown) => `${String(fromId)}>${String(toId)}`;

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
	const path = `/crm/v4/associations/${encodeURIComponent(fromType)}/${encodeURIComponent(toType)}/batch/${label ? 'create' : 'associate/default'}`;
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
