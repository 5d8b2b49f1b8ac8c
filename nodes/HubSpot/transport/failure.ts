// A failed HubSpot call as the user should see it on the Errors output: HubSpot's own category,
// message and correlation id (what HubSpot support asks for), plus how many attempts were made.
import type { IDataObject } from 'n8n-workflow';

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

/** Whatever an operation caught, as a failure an item can carry to the Errors output. */
export function toFailure(error: unknown): HubSpotFailure {
	if (error instanceof HubSpotFailure) return error;
	return new HubSpotFailure({
		message: error instanceof Error ? error.message : String(error),
		category: 'UNEXPECTED_ERROR',
	});
}
