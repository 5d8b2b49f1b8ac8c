import type { IDataObject } from 'n8n-workflow';
import type { ClaimMeta, RowOutcome } from '../shared/queue';

export const META_FIELD = '_queue';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function asMeta(value: unknown): ClaimMeta | undefined {
	if (!isObject(value)) return undefined;
	const id = Number(value.id);
	if (!Number.isFinite(id)) return undefined;
	return {
		id,
		key: String(value.key ?? ''),
		attempts: Number(value.attempts) || 0,
		token: String(value.token ?? ''),
		receivedAt: Number(value.receivedAt) || 0,
	};
}

/**
 * The queue metadata of a pipeline item: on the item itself, or under `input` where a node's Rejected
 * output keeps the input row (HubSpot (RevOps), Clay).
 */
export function metaOf(json: IDataObject): ClaimMeta | undefined {
	return (
		asMeta(json[META_FIELD]) ?? (isObject(json.input) ? asMeta(json.input[META_FIELD]) : undefined)
	);
}

/** An item's outcome: failed when it carries a non-empty `error` (n8n's and this package's convention). */
export function outcomeOf(json: IDataObject, meta: ClaimMeta): RowOutcome {
	const error = json.error;
	if (error === undefined || error === null || error === '') return { meta, ok: true };
	const reason =
		typeof error === 'string'
			? error
			: isObject(error) && typeof error.message === 'string'
				? error.message
				: JSON.stringify(error);
	return { meta, ok: false, reason, permanent: json.permanent === true };
}
