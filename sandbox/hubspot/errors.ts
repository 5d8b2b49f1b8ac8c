// HubSpot's error envelope: {status:"error", message, correlationId, category, errors?, context?, links?}.
// Batch calls reuse the same fields (minus correlationId) per failed input.
import { HttpError } from '../http';

export interface ErrorDetail {
	message: string;
	in?: string;
	code?: string;
	context?: Record<string, string[]>;
}

export interface ErrorExtras {
	errors?: ErrorDetail[];
	context?: Record<string, string[]>;
	links?: Record<string, string>;
	subCategory?: string;
	/** Fields HubSpot adds beside the envelope (429: policyName, errorType). */
	extra?: Record<string, unknown>;
}

export class HubSpotError extends HttpError {
	constructor(
		status: number,
		readonly category: string,
		message: string,
		readonly extras: ErrorExtras = {},
		headers: Record<string, string | number> = {},
	) {
		super(status, message, undefined, headers);
	}
}

export function errorBody(error: HubSpotError, id: string) {
	const { errors, context, links, subCategory, extra } = error.extras;
	return {
		status: 'error',
		message: error.message,
		correlationId: id,
		...(subCategory ? { subCategory } : {}),
		...(context ? { context } : {}),
		...(errors ? { errors } : {}),
		...(links ? { links } : {}),
		category: error.category,
		...(extra ?? {}),
	};
}

/** One entry of a batch response's `errors[]`. */
export function batchErrorEntry(error: HubSpotError, context: Record<string, string[]> = {}) {
	const { errors, subCategory } = error.extras;
	return {
		status: 'error',
		category: error.category,
		...(subCategory ? { subCategory } : {}),
		message: error.message,
		context: { ...(error.extras.context ?? {}), ...context },
		...(errors ? { errors } : {}),
	};
}

export const validationError = (message: string, errors?: ErrorDetail[]) =>
	new HubSpotError(400, 'VALIDATION_ERROR', message, errors ? { errors } : {});

/** A property write HubSpot refuses: the message embeds the JSON list, as the real API does. */
export interface PropertyProblem {
	name: string;
	error: string;
	message: string;
}

export function propertyValuesError(problems: PropertyProblem[]) {
	const list = problems.map((p) => ({
		isValid: false,
		message: p.message,
		error: p.error,
		name: p.name,
		localizedErrorMessage: p.message,
	}));
	return validationError(
		`Property values were not valid: ${JSON.stringify(list)}`,
		problems.map((p) => ({
			message: p.message,
			code: p.error,
			context: { propertyName: [p.name] },
		})),
	);
}

export const notFound = (message: string, context?: Record<string, string[]>) =>
	new HubSpotError(404, 'OBJECT_NOT_FOUND', message, context ? { context } : {});

export const objectNotFound = (id: string) =>
	notFound('Object not found.  objectId are usually numeric.', { id: [id] });

export function missingScopes(required: string[]) {
	return new HubSpotError(
		403,
		'MISSING_SCOPES',
		"This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
		{
			errors: [
				{
					message: 'One or more of the following scopes are required.',
					context: { requiredGranularScopes: required },
				},
			],
			links: { scopes: 'https://developers.hubspot.com/scopes' },
		},
	);
}
