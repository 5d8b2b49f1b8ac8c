// Which refusals are about one row (data: the row goes to Rejected with Clay's reason) and which mean
// no row can get through (the node fails, unless On Error continues), with what the user can do.
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import type { RowOutcome } from './transport/client';

type Refused = Extract<RowOutcome, { ok: false }>;

/** A row Clay read and refused (bad payload, too large); everything else is the call's fault. */
const ROW_STATUSES = new Set([400, 413, 415, 422]);

export function isRowRefusal(outcome: Refused): boolean {
	return outcome.status !== undefined && ROW_STATUSES.has(outcome.status);
}

function hintFor(outcome: Refused): string {
	if (outcome.status === 401 || outcome.status === 403)
		return "Clay refused the credential: check the auth token in the Clay credential (the table's webhook source shows it under its settings).";
	if (outcome.status === 404)
		return 'No Clay webhook source answers at the Webhook URL: copy it again from the table (Add → Webhook) — the source may have been deleted.';
	return `Clay could not be reached or stayed busy after ${outcome.attempts} attempts: run again later, or lower Rows per Second.`;
}

export function toNodeApiError(node: INode, outcome: Refused, itemIndex: number): NodeApiError {
	return new NodeApiError(
		node,
		{ message: outcome.message, status: outcome.status ?? null } as JsonObject,
		{
			message: outcome.message,
			description: hintFor(outcome),
			...(outcome.status !== undefined ? { httpCode: String(outcome.status) } : {}),
			itemIndex,
		},
	);
}
