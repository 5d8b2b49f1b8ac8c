// HubSpot batch endpoints answer per input: 200/201 with `results`, or 207 with `errors[]` whose
// `context.objectWriteTraceId` names the failed input. This maps both back to our inputs, so every
// input ends with a result or a failure, never neither.
import type { IDataObject } from 'n8n-workflow';
import type { HubSpotClient } from './client';
import { HubSpotFailure, isObject } from './failure';

export interface BatchInput {
	/** Our id for the input (objectWriteTraceId); unique within the call. */
	trace: string;
	input: IDataObject;
}

export interface BatchOutcome {
	results: Map<string, IDataObject>;
	failures: Map<string, HubSpotFailure>;
}

export interface BatchCall {
	path: string;
	inputs: BatchInput[];
	/** Finds a result's input when HubSpot does not echo the trace (e.g. by id or unique value). */
	traceOf?: (result: IDataObject) => string | undefined;
	/** Whether the endpoint accepts objectWriteTraceId (CRM object writes do; associations do not). */
	traced?: boolean;
	body?: IDataObject;
}

function tracesOf(error: IDataObject): string[] {
	const context = isObject(error.context) ? error.context : {};
	const traces = context.objectWriteTraceId;
	return Array.isArray(traces) ? traces.map(String) : [];
}

export async function postBatch(client: HubSpotClient, call: BatchCall): Promise<BatchOutcome> {
	const outcome: BatchOutcome = { results: new Map(), failures: new Map() };
	if (!call.inputs.length) return outcome;
	const traced = call.traced !== false;
	const inputs = call.inputs.map(({ trace, input }) =>
		traced ? { ...input, objectWriteTraceId: trace } : input,
	);
	// A call that fails as a whole (auth, scope, retries exhausted) throws: it is not about a record.
	const body: IDataObject =
		(await client.request({ method: 'POST', path: call.path, body: { ...call.body, inputs } }))
			.body ?? {};
	const results = Array.isArray(body.results) ? (body.results as IDataObject[]) : [];
	for (const result of results) {
		const trace =
			typeof result.objectWriteTraceId === 'string'
				? result.objectWriteTraceId
				: call.traceOf?.(result);
		if (trace !== undefined) outcome.results.set(trace, result);
	}
	const untraced: HubSpotFailure[] = [];
	for (const error of Array.isArray(body.errors) ? (body.errors as IDataObject[]) : []) {
		const failure = HubSpotFailure.fromBody(error, undefined, 'HubSpot rejected this input');
		const traces = tracesOf(error);
		if (!traces.length) untraced.push(failure);
		for (const trace of traces) outcome.failures.set(trace, failure);
	}
	for (const { trace } of call.inputs) {
		if (outcome.results.has(trace) || outcome.failures.has(trace)) continue;
		outcome.failures.set(
			trace,
			untraced[0] ??
				new HubSpotFailure({
					message: 'HubSpot returned no result for this input',
					category: 'MISSING_RESULT',
				}),
		);
	}
	return outcome;
}
