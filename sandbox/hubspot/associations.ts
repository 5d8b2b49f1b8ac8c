// Associations v4 (/crm/v4/...): default and labelled links, list, remove, the batch endpoints,
// labels, and the inline `associations` of v3 creates. Ids inside v4 payloads are numbers where
// HubSpot sends numbers (toObjectId, fromObjectId) and strings where it sends strings ({id}).
import type { Ctx, Router } from '../http';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import { readBatch, sendBatch } from './batchEnvelope';
import { batchErrorEntry, HubSpotError, objectNotFound, validationError } from './errors';
import type { AssociationType, ObjectType } from './schema';
import type { HubSpotState } from './state';
import { requireScope } from './tokens';

export interface InlineLink {
	type: AssociationType;
	toId: string;
}

const spec = (t: AssociationType) => ({
	associationCategory: t.category,
	associationTypeId: t.typeId,
});
const withLabel = (t: AssociationType) => ({
	category: t.category,
	typeId: t.typeId,
	label: t.label,
});

function typeFromSpec(
	hs: HubSpotState,
	from: ObjectType,
	to: ObjectType,
	raw: unknown,
): AssociationType {
	const typeId = isPlainObject(raw) ? Number(raw.associationTypeId) : NaN;
	const type = hs.store.associations.types.get(typeId);
	if (!type || type.fromTypeId !== from.id || type.toTypeId !== to.id) {
		throw validationError(
			`${String(isPlainObject(raw) ? raw.associationTypeId : raw)} is not a valid association type between ${from.name} and ${to.name}`,
			[
				{
					message: 'invalid associationTypeId',
					code: 'INVALID_ASSOCIATION_TYPE',
					in: 'associationTypeId',
				},
			],
		);
	}
	if (
		isPlainObject(raw) &&
		raw.associationCategory !== undefined &&
		raw.associationCategory !== type.category
	) {
		throw validationError(
			`associationCategory ${String(raw.associationCategory)} does not match type ${type.typeId} (${type.category})`,
		);
	}
	return type;
}

function requireLive(hs: HubSpotState, type: ObjectType, id: string) {
	const record = hs.store.find(type.id, String(id));
	if (!record) throw objectNotFound(String(id));
	return record;
}

/** Validates the `associations` of a v3 create before anything is written. */
export function checkInlineAssociations(
	hs: HubSpotState,
	from: ObjectType,
	raw: unknown,
): InlineLink[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) throw validationError('associations must be an array');
	const links: InlineLink[] = [];
	for (const item of raw) {
		const toId = isPlainObject(item) && isPlainObject(item.to) ? String(item.to.id ?? '') : '';
		const types = isPlainObject(item) && Array.isArray(item.types) ? item.types : [];
		if (!toId || !types.length) throw validationError('each association needs to.id and types[]');
		for (const t of types) {
			const typeId = isPlainObject(t) ? Number(t.associationTypeId) : NaN;
			const type = hs.store.associations.types.get(typeId);
			if (!type || type.fromTypeId !== from.id) {
				throw validationError(
					`${String(isPlainObject(t) ? t.associationTypeId : t)} is not a valid association type from ${from.name}`,
				);
			}
			if (!hs.store.find(type.toTypeId, toId)) {
				throw validationError(`One or more associations are invalid: ${toId} does not exist`, [
					{
						message: `${toId} is not a valid ${hs.store.types.get(type.toTypeId)!.singular} id`,
						code: 'INVALID_OBJECT_ID',
						in: 'to.id',
					},
				]);
			}
			links.push({ type, toId });
		}
	}
	return links;
}

export function addInlineAssociations(hs: HubSpotState, fromId: string, links: InlineLink[]) {
	for (const link of links) hs.store.associations.add(link.type, fromId, link.toId);
}

export function registerAssociationRoutes(router: Router, hs: HubSpotState) {
	const pairOf = (ctx: Ctx, access: 'read' | 'write') => {
		const from = hs.store.requireType(ctx.params.fromObjectType);
		const to = hs.store.requireType(ctx.params.toObjectType);
		const token = hs.tokens.get(ctx.token!)!;
		requireScope(token, `crm.objects.${from.scope}.${access}`);
		requireScope(token, `crm.objects.${to.scope}.${access}`);
		return { from, to };
	};
	const labelsBetween = (from: ObjectType, fromId: string, to: ObjectType, toId: string) => {
		const row = hs.store.associations.list(from.id, fromId, to.id).find((r) => r.toId === toId);
		const labels = (row?.typeIds ?? [])
			.map((id) => hs.store.associations.types.get(id)?.label)
			.filter((l): l is string => !!l);
		return {
			fromObjectTypeId: from.id,
			fromObjectId: Number(fromId),
			toObjectTypeId: to.id,
			toObjectId: Number(toId),
			labels,
		};
	};
	const defaultType = (from: ObjectType, to: ObjectType) => {
		const type = hs.store.associations.defaultType(from.id, to.id);
		if (!type)
			throw validationError(
				`No default association type exists between ${from.name} and ${to.name}`,
			);
		return type;
	};
	const defaultResults = (type: AssociationType, fromId: string, toId: string) => [
		{ from: { id: fromId }, to: { id: toId }, associationSpec: spec(type) },
		{
			from: { id: toId },
			to: { id: fromId },
			associationSpec: spec(hs.store.associations.types.get(type.inverseTypeId)!),
		},
	];
	const now = () => new Date(hs.clock.now()).toISOString();

	const base = '/crm/v4/objects/:fromObjectType/:fromObjectId/associations';

	router.put(`${base}/default/:toObjectType/:toObjectId`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const startedAt = now();
		const { fromObjectId: fromId, toObjectId: toId } = ctx.params;
		requireLive(hs, from, fromId);
		requireLive(hs, to, toId);
		const type = defaultType(from, to);
		hs.store.associations.add(type, fromId, toId);
		sendBatch(hs, ctx, startedAt, 200, defaultResults(type, fromId, toId), []);
	});

	router.put(`${base}/:toObjectType/:toObjectId`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const { fromObjectId: fromId, toObjectId: toId } = ctx.params;
		const body = jsonBody(ctx);
		if (!Array.isArray(body) || !body.length) {
			throw validationError(
				'Body must be a non-empty array of {associationCategory, associationTypeId}',
			);
		}
		const types = body.map((raw) => typeFromSpec(hs, from, to, raw));
		requireLive(hs, from, fromId);
		requireLive(hs, to, toId);
		for (const type of types) hs.store.associations.add(type, fromId, toId);
		sendJson(ctx.res, 201, labelsBetween(from, fromId, to, toId));
	});

	router.get(`${base}/:toObjectType`, (ctx) => {
		const { from, to } = pairOf(ctx, 'read');
		requireLive(hs, from, ctx.params.fromObjectId);
		const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 500) || 500, 1), 500);
		const offset = Number(ctx.query.get('after') ?? 0) || 0;
		const rows = hs.store.associations.list(from.id, ctx.params.fromObjectId, to.id);
		const results = rows.slice(offset, offset + limit).map((row) => ({
			toObjectId: Number(row.toId),
			associationTypes: row.typeIds.map((id) => withLabel(hs.store.associations.types.get(id)!)),
		}));
		const body: Record<string, unknown> = { results };
		if (offset + limit < rows.length) body.paging = { next: { after: String(offset + limit) } };
		sendJson(ctx.res, 200, body);
	});

	router.delete(`${base}/:toObjectType/:toObjectId`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		hs.store.associations.remove(from.id, ctx.params.fromObjectId, to.id, ctx.params.toObjectId);
		sendEmpty(ctx.res, 204);
	});

	const batch = '/crm/v4/associations/:fromObjectType/:toObjectType';

	/** Runs each input, turning a thrown HubSpotError into that input's entry in `errors[]`. */
	const perInput = <T>(inputs: unknown[], run: (input: Record<string, unknown>) => T) => {
		const results: T[] = [];
		const errors: unknown[] = [];
		for (const input of inputs) {
			try {
				if (!isPlainObject(input)) throw validationError('each input must be an object');
				results.push(run(input));
			} catch (error) {
				if (!(error instanceof HubSpotError)) throw error;
				errors.push(batchErrorEntry(error));
			}
		}
		return { results, errors };
	};
	const idOf = (value: unknown) => (isPlainObject(value) ? String(value.id ?? '') : '');

	router.post(`${batch}/batch/create`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const startedAt = now();
		const { inputs } = readBatch(hs, ctx);
		const { results, errors } = perInput(inputs, (input) => {
			const fromId = idOf(input.from);
			const toId = idOf(input.to);
			const types = Array.isArray(input.types)
				? input.types.map((raw) => typeFromSpec(hs, from, to, raw))
				: [];
			if (!types.length) throw validationError('types must be a non-empty array');
			requireLive(hs, from, fromId);
			requireLive(hs, to, toId);
			for (const type of types) hs.store.associations.add(type, fromId, toId);
			return labelsBetween(from, fromId, to, toId);
		});
		sendBatch(hs, ctx, startedAt, 201, results, errors);
	});

	router.post(`${batch}/batch/associate/default`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const startedAt = now();
		const { inputs } = readBatch(hs, ctx);
		const type = defaultType(from, to);
		const { results, errors } = perInput(inputs, (input) => {
			const fromId = idOf(input.from);
			const toId = idOf(input.to);
			requireLive(hs, from, fromId);
			requireLive(hs, to, toId);
			hs.store.associations.add(type, fromId, toId);
			return defaultResults(type, fromId, toId);
		});
		sendBatch(hs, ctx, startedAt, 200, results.flat(), errors);
	});

	router.post(`${batch}/batch/read`, (ctx) => {
		const { from, to } = pairOf(ctx, 'read');
		const startedAt = now();
		const { inputs } = readBatch(hs, ctx);
		const { results, errors } = perInput(inputs, (input) => {
			const fromId = String(input.id ?? '');
			const rows = hs.store.associations.list(from.id, fromId, to.id);
			if (!rows.length) {
				throw new HubSpotError(
					404,
					'OBJECT_NOT_FOUND',
					`No ${to.singular} is associated with ${from.singular} ${fromId}.`,
					{
						subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
						context: { fromObjectId: [fromId] },
					},
				);
			}
			return {
				from: { id: fromId },
				to: rows.map((row) => ({
					toObjectId: Number(row.toId),
					associationTypes: row.typeIds.map((id) =>
						withLabel(hs.store.associations.types.get(id)!),
					),
				})),
			};
		});
		sendBatch(hs, ctx, startedAt, 200, results, errors);
	});

	router.post(`${batch}/batch/archive`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const { inputs } = readBatch(hs, ctx);
		for (const input of inputs.filter(isPlainObject)) {
			const targets = Array.isArray(input.to) ? input.to : [];
			for (const target of targets)
				hs.store.associations.remove(from.id, idOf(input.from), to.id, idOf(target));
		}
		sendEmpty(ctx.res, 204);
	});

	router.post(`${batch}/batch/labels/archive`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const { inputs } = readBatch(hs, ctx);
		for (const input of inputs.filter(isPlainObject)) {
			const typeIds = (Array.isArray(input.types) ? input.types : []).map(
				(raw) => typeFromSpec(hs, from, to, raw).typeId,
			);
			hs.store.associations.remove(from.id, idOf(input.from), to.id, idOf(input.to), typeIds);
		}
		sendEmpty(ctx.res, 204);
	});

	router.get(`${batch}/labels`, (ctx) => {
		const { from, to } = pairOf(ctx, 'read');
		sendJson(ctx.res, 200, {
			results: hs.store.associations.typesBetween(from.id, to.id).map(withLabel),
		});
	});

	router.post(`${batch}/labels`, (ctx) => {
		const { from, to } = pairOf(ctx, 'write');
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.label !== 'string' || typeof body.name !== 'string') {
			throw validationError('label and name are required');
		}
		const existing = hs.store.associations
			.typesBetween(from.id, to.id)
			.find((t) => t.name === body.name);
		if (existing)
			throw new HubSpotError(
				409,
				'CONFLICT',
				`An association label named ${String(body.name)} already exists.`,
			);
		const created = hs.store.associations.definePair(
			from.id,
			to.id,
			body.label,
			body.name,
			'USER_DEFINED',
		);
		const inverse = hs.store.associations.types.get(created.inverseTypeId)!;
		if (typeof body.inverseLabel === 'string')
			hs.store.associations.types.set(inverse.typeId, { ...inverse, label: body.inverseLabel });
		sendJson(ctx.res, 200, {
			results: [created, hs.store.associations.types.get(inverse.typeId)!].map(withLabel),
		});
	});
}
