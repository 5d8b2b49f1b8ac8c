// A failed HubSpot call or rejected record as the user should see it: HubSpot's own category, message
// and correlation id (what HubSpot support asks for), how many attempts were made, and what to do.
import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

export interface FailureDetails {
	message: string;
	/** HubSpot's `category` (VALIDATION_ERROR, RATE_LIMITS…) or ours (CIRCUIT_OPEN, NETWORK_ERROR…). */
	category: string;
	status?: number;
	correlationId?: string;
	policyName?: string;
	attempts?: number;
	/** Anything else that helps, e.g. HubSpot's `errors[]` or `context`. */
	details?: IDataObject;
}

export class HubSpotFailure extends Error {
	readonly category: string;
	readonly status?: number;
	readonly correlationId?: string;
	readonly policyName?: string;
	readonly attempts?: number;
	readonly details?: IDataObject;

	constructor(failure: FailureDetails) {
		super(failure.message);
		this.name = 'HubSpotFailure';
		this.category = failure.category;
		this.status = failure.status;
		this.correlationId = failure.correlationId;
		this.policyName = failure.policyName;
		this.attempts = failure.attempts;
		this.details = failure.details;
	}

	/** From a HubSpot error envelope `{status:"error", message, category, correlationId, …}`. */
	static fromBody(
		body: unknown,
		status: number | undefined,
		fallback: string,
		extra: Partial<FailureDetails> = {},
	) {
		const envelope = isObject(body) ? body : {};
		const details: IDataObject = {};
		if (envelope.errors) details.errors = envelope.errors as IDataObject[];
		if (envelope.context) details.context = envelope.context as IDataObject;
		return new HubSpotFailure({
			message: typeof envelope.message === 'string' ? envelope.message : fallback,
			category:
				typeof envelope.category === 'string'
					? envelope.category
					: status
						? `HTTP_${status}`
						: 'NETWORK_ERROR',
			status,
			correlationId:
				typeof envelope.correlationId === 'string' ? envelope.correlationId : undefined,
			policyName: typeof envelope.policyName === 'string' ? envelope.policyName : undefined,
			...(Object.keys(details).length ? { details } : {}),
			...extra,
		});
	}

	toJSON(): IDataObject {
		const json: IDataObject = { message: this.message, category: this.category };
		if (this.status !== undefined) json.status = this.status;
		if (this.correlationId) json.correlationId = this.correlationId;
		if (this.policyName) json.policyName = this.policyName;
		if (this.attempts !== undefined) json.attempts = this.attempts;
		if (this.details) json.details = this.details;
		return json;
	}
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever an operation caught, as a HubSpotFailure. */
export function toFailure(error: unknown): HubSpotFailure {
	if (error instanceof HubSpotFailure) return error;
	return new HubSpotFailure({
		message: error instanceof Error ? error.message : String(error),
		category: 'UNEXPECTED_ERROR',
	});
}

const AUTH_CATEGORIES = new Set(['INVALID_AUTHENTICATION', 'EXPIRED_AUTHENTICATION']);

/** What the user can do about a call that failed, from HubSpot's category or status. */
export function hintFor(failure: HubSpotFailure): string {
	const { category, status } = failure;
	if (status === 401 || AUTH_CATEGORIES.has(category))
		return 'HubSpot did not accept the credential: check the private app token (HubSpot → Settings → Integrations → Private Apps) or reconnect the OAuth2 credential.';
	if (status === 403 || category === 'MISSING_SCOPES')
		return "The credential lacks a scope this operation needs: add the scope HubSpot names to the private app's scopes (or reconnect OAuth2 with it), then run again.";
	if (category === 'CIRCUIT_OPEN')
		return 'HubSpot failed several calls in a row, so the node stopped calling it. Run again once HubSpot is healthy, or raise Options → Circuit Breaker Threshold.';
	if (status === 429 && failure.policyName === 'DAILY')
		return "The portal's daily API limit is spent; it resets at midnight in the account's time zone.";
	if (status === 404)
		return 'HubSpot has no such object type, property or record: check the object type and IDs (the Property → List operation shows what the portal has).';
	if (status === 400 || category === 'VALIDATION_ERROR' || category === 'PROPERTY_DOESNT_EXIST')
		return 'HubSpot refused the request as invalid: check the property names and values it names above.';
	if (status === 409) return 'The object already exists in HubSpot with other settings.';
	if (status === undefined || status === 429 || status >= 500)
		return `HubSpot could not be reached or stayed busy${failure.attempts ? ` after ${failure.attempts} attempts` : ''}: run again later, or raise Options → Max Attempts. A network error points at the credential's base URL or the network between n8n and HubSpot.`;
	return "See HubSpot's message above; the correlation ID is what HubSpot support asks for.";
}

/** A call that cannot succeed, as the error n8n shows on the node (the execution turns red). */
export function toNodeApiError(
	node: INode,
	failure: HubSpotFailure,
	itemIndex?: number,
): NodeApiError {
	return new NodeApiError(node, failure.toJSON() as JsonObject, {
		message: `HubSpot: ${failure.message}`,
		description: hintFor(failure),
		...(failure.status !== undefined ? { httpCode: String(failure.status) } : {}),
		...(itemIndex !== undefined ? { itemIndex } : {}),
	});
}
