// Batch object endpoints (/crm/v3/objects/{type}/batch/{read|create|update|upsert|archive}).
// HubSpot semantics kept: batch create is all-or-nothing unless every input carries an
// objectWriteTraceId (then 207 with per-input errors); update and upsert report per input (207);
// read reports missing ids in one OBJECT_NOT_FOUND error; archive always answers 204.
import type { Ctx, Router } from '../http';
import { isPlainObject, sendEmpty } from '../http';
import { addInlineAssociations, checkInlineAssociations } from './associations';
import { readBatch, sendBatch } from './batchEnvelope';
import { batchErrorEntry, HubSpotError, validationError } from './errors';
import { objectTypeFor, toPublic, tokenOf, writeSource } from './objects';
import { assertRequired, normalizeValues } from './properties';
import type { ObjectType } from './schema';
import type { HubSpotState } from './state';
import type { StoredRecord } from './store';

type Input = Record<string, unknown>;

const traceOf = (input: Input) =>
	typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined;

/** The error an injected partial failure puts in place of an input's result. */
const injected = () =>
	new HubSpotError(
		500,
		'INTERNAL_ERROR',
		'Sandbox fault: this input was not processed (injected partial failure); retry it.',
	);

function asInputs(inputs: unknown[]): Input[] {
	return inputs.map((input, i) => {
		if (!isPlainObject(input)) throw validationError(`inputs[${i}] must be an object`);
		return input;
	});
}

/** HubSpot rejects a batch naming the same record twice. */
function assertNoDuplicates(inputs: Input[], idPropertyOf: (input: Input) => string | undefined) {
	const seen = new Set<string>();
	const duplicates = new Set<string>();
	for (const input of inputs) {
		const id = String(input.id ?? '');
		const key = idPropertyOf(input) === 'email' ? id.toLowerCase() : id;
		if (seen.has(key)) duplicates.add(id);
		seen.add(key);
	}
	if (duplicates.size)
		throw validationError(
			`Duplicate IDs found in batch input: [${[...duplicates].join(', ')}]. IDs must be unique`,
		);
}

interface Outcome {
	results: unknown[];
	errors: unknown[];
}

/**
 * Runs `apply` per input; an input picked by the partial-failure fault, or one whose `apply`
 * throws a HubSpotError, becomes an entry of `errors[]` tied to its objectWriteTraceId.
 */
function perInput(
	hs: HubSpotState,
	ctx: Ctx,
	inputs: Input[],
	apply: (input: Input) => unknown,
): Outcome & { failures: HubSpotError[] } {
	const faulted = hs.faults.batchFailures('hubspot', ctx.path, inputs.length);
	const results: unknown[] = [];
	const errors: unknown[] = [];
	const failures: HubSpotError[] = [];
	inputs.forEach((input, i) => {
		const trace = traceOf(input);
		try {
			if (faulted.has(i)) throw injected();
			const result = apply(input);
			results.push(
				trace && isPlainObject(result) ? { ...result, objectWriteTraceId: trace } : result,
			);
		} catch (error) {
			if (!(error instanceof HubSpotError)) throw error;
			if (!faulted.has(i)) failures.push(error);
			errors.push(batchErrorEntry(error, trace ? { objectWriteTraceId: [trace] } : {}));
		}
	});
	return { results, errors, failures };
}

const notFoundInBatch = (id: string) =>
	new HubSpotError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
		context: { ids: [id] },
	});

export function registerBatchRoutes(router: Router, hs: HubSpotState) {
	const start = () => new Date(hs.clock.now()).toISOString();
	const source = (ctx: Ctx) => writeSource(tokenOf(hs, ctx));

	router.post('/crm/v3/objects/:objectType/batch/read', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'read');
		const startedAt = start();
		const { body, inputs } = readBatch(hs, ctx);
		const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
		const archived = ctx.query.get('archived') === 'true';
		const options = {
			properties: Array.isArray(body.properties) ? body.properties.map(String) : undefined,
			propertiesWithHistory: Array.isArray(body.propertiesWithHistory)
				? body.propertiesWithHistory.map(String)
				: undefined,
		};
		const faulted = hs.faults.batchFailures('hubspot', ctx.path, inputs.length);
		const results: unknown[] = [];
		const missing: string[] = [];
		const errors: unknown[] = [];
		asInputs(inputs).forEach((input, i) => {
			const id = String(input.id ?? '');
			if (faulted.has(i)) {
				errors.push(batchErrorEntry(injected(), { ids: [id] }));
				return;
			}
			const record = hs.store.find(type.id, id, idProperty, archived);
			if (record) results.push(toPublic(hs, type, record, options));
			else missing.push(id);
		});
		if (missing.length) {
			const what = type.singular.toUpperCase();
			errors.push(
				batchErrorEntry(
					new HubSpotError(
						404,
						'OBJECT_NOT_FOUND',
						`Could not get some ${what} objects, they may be deleted or not exist. Check that ids are valid.`,
					),
					{ ids: missing },
				),
			);
		}
		sendBatch(hs, ctx, startedAt, 200, results, errors);
	});

	router.post('/crm/v3/objects/:objectType/batch/create', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const startedAt = start();
		const inputs = asInputs(readBatch(hs, ctx).inputs);
		// Multi-status is opt-in: every input must carry an objectWriteTraceId.
		const multiStatus = inputs.length > 0 && inputs.every((input) => traceOf(input) !== undefined);
		const created: StoredRecord[] = [];
		const outcome = perInput(hs, ctx, inputs, (input) => {
			const values = normalizeValues(hs, type, input.properties ?? {});
			assertRequired(type, values);
			const links = checkInlineAssociations(hs, type, input.associations);
			const record = hs.store.create(type.id, values, source(ctx));
			addInlineAssociations(hs, record.id, links);
			created.push(record);
			return toPublic(hs, type, record, { allSet: true });
		});
		if (!multiStatus && outcome.failures.length) {
			for (const record of created) hs.store.purge(record);
			throw outcome.failures[0];
		}
		sendBatch(hs, ctx, startedAt, 201, outcome.results, outcome.errors);
	});

	router.post('/crm/v3/objects/:objectType/batch/update', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const startedAt = start();
		const inputs = asInputs(readBatch(hs, ctx).inputs);
		const idPropertyOf = (input: Input) =>
			typeof input.idProperty === 'string' ? input.idProperty : undefined;
		assertNoDuplicates(inputs, idPropertyOf);
		const outcome = perInput(hs, ctx, inputs, (input) => {
			const id = String(input.id ?? '');
			const record = hs.store.find(type.id, id, idPropertyOf(input));
			if (!record) throw notFoundInBatch(id);
			hs.store.update(record, normalizeValues(hs, type, input.properties ?? {}), source(ctx));
			return toPublic(hs, type, record, { allSet: true });
		});
		sendBatch(hs, ctx, startedAt, 200, outcome.results, outcome.errors);
	});

	router.post('/crm/v3/objects/:objectType/batch/upsert', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		const startedAt = start();
		const inputs = asInputs(readBatch(hs, ctx).inputs);
		const idPropertyOf = (input: Input) =>
			typeof input.idProperty === 'string' && input.idProperty ? input.idProperty : 'hs_object_id';
		// A non-unique idProperty (companies by `domain`) fails the whole call, as in HubSpot.
		for (const input of inputs) hs.store.find(type.id, String(input.id ?? ''), idPropertyOf(input));
		assertNoDuplicates(inputs, idPropertyOf);
		const outcome = perInput(hs, ctx, inputs, (input) =>
			upsertOne(hs, ctx, type, input, idPropertyOf(input)),
		);
		sendBatch(hs, ctx, startedAt, 200, outcome.results, outcome.errors);
	});

	router.post('/crm/v3/objects/:objectType/batch/archive', (ctx) => {
		const type = objectTypeFor(hs, ctx, 'write');
		for (const input of asInputs(readBatch(hs, ctx).inputs)) {
			const record = hs.store.find(type.id, String(input.id ?? ''));
			if (record) hs.store.archive(record);
		}
		sendEmpty(ctx.res, 204);
	});
}

function upsertOne(hs: HubSpotState, ctx: Ctx, type: ObjectType, input: Input, idProperty: string) {
	const id = String(input.id ?? '');
	const values = normalizeValues(hs, type, input.properties ?? {});
	const source = writeSource(tokenOf(hs, ctx));
	const existing = hs.store.find(type.id, id, idProperty);
	if (existing) {
		hs.store.update(existing, values, source);
		return { ...toPublic(hs, type, existing, { allSet: true }), new: false };
	}
	if (idProperty === 'hs_object_id') throw notFoundInBatch(id);
	const withId = { ...values, ...normalizeValues(hs, type, { [idProperty]: id }) };
	assertRequired(type, withId);
	const record = hs.store.create(type.id, withId, source);
	return { ...toPublic(hs, type, record, { allSet: true }), new: true };
}
