// The envelope shared by every HubSpot batch endpoint: `{inputs}` in (at most 100), and out
// `{status:"COMPLETE", results, startedAt, completedAt}` or 207 with `numErrors` and `errors[]`.
import type { Ctx } from '../http';
import { isPlainObject, jsonBody, sendJson } from '../http';
import { validationError } from './errors';
import type { HubSpotState } from './state';

export function readBatch(
	hs: HubSpotState,
	ctx: Ctx,
): { body: Record<string, unknown>; inputs: unknown[] } {
	const body = jsonBody(ctx);
	if (!isPlainObject(body) || !Array.isArray(body.inputs)) {
		throw validationError('Invalid input JSON: expected an object with an inputs array', [
			{ message: 'inputs is required', code: 'REQUIRED_FIELD', in: 'inputs' },
		]);
	}
	const max = hs.settings.batchMaxInputs;
	if (body.inputs.length > max) {
		throw validationError(`Too many inputs: received ${body.inputs.length}, the limit is ${max}.`, [
			{ message: `inputs may hold at most ${max} items`, code: 'TOO_MANY_INPUTS', in: 'inputs' },
		]);
	}
	return { body, inputs: body.inputs };
}

/** `startedAt` is taken by the caller before any work; the clock is the sandbox clock. */
export function sendBatch(
	hs: HubSpotState,
	ctx: Ctx,
	startedAt: string,
	okStatus: 200 | 201,
	results: unknown[],
	errors: unknown[],
) {
	const envelope: Record<string, unknown> = { status: 'COMPLETE', results };
	if (errors.length) {
		envelope.numErrors = errors.length;
		envelope.errors = errors;
	}
	envelope.startedAt = startedAt;
	envelope.completedAt = new Date(hs.clock.now()).toISOString();
	sendJson(ctx.res, errors.length ? 207 : okStatus, envelope);
}
