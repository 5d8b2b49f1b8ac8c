// Admin routes for the Clay emulator (/_sandbox/clay/...): webhook sources, tables and rows,
// the intake limit, and a run of the HTTP API column over a table.
import type { Router } from '../http';
import { patchLimit } from '../limiter';
import { isPlainObject, jsonBody, sendJson } from '../http';
import { runHttpColumn, type HttpColumnConfig } from './httpColumn';
import type { ClaySource, ClayState } from './state';

export interface ClaySeed {
	sources?: Array<{ id?: string; tableId?: string; authToken?: string; maxSubmissions?: number }>;
	rows?: Record<string, Array<Record<string, unknown>>>;
}

export function seedClay(clay: ClayState, seed: ClaySeed) {
	const sources = (seed.sources ?? []).map((s) => clay.addSource(s));
	const rows = Object.fromEntries(
		Object.entries(seed.rows ?? {}).map(([tableId, list]) => [
			tableId,
			list.map((cells) => clay.addRow(tableId, cells).id),
		]),
	);
	return { sources: sources.map((s) => s.id), rows };
}

export function registerClayAdmin(
	router: Router,
	clay: ClayState,
	baseUrl: (host?: string) => string,
) {
	const describe = (source: ClaySource, host?: string) => ({
		...source,
		url: `${baseUrl(host)}/clay/v3/sources/webhook/${source.id}`,
	});

	router.get('/clay/sources', (ctx) =>
		sendJson(ctx.res, 200, {
			results: [...clay.sources.values()].map((s) => describe(s, ctx.req.headers.host)),
		}),
	);

	/** `{id?, tableId?, authToken?, maxSubmissions?}` → the source with its webhook `url`. */
	router.post('/clay/sources', (ctx) => {
		const body = jsonBody(ctx) ?? {};
		if (!isPlainObject(body)) throw new Error('Expected a JSON object');
		const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
		if (str(body.id) && clay.sources.has(String(body.id)))
			throw new Error(`Source ${String(body.id)} exists`);
		const source = clay.addSource({
			id: str(body.id),
			tableId: str(body.tableId),
			authToken: str(body.authToken),
			maxSubmissions: typeof body.maxSubmissions === 'number' ? body.maxSubmissions : undefined,
		});
		sendJson(ctx.res, 201, describe(source, ctx.req.headers.host));
	});

	router.get('/clay/tables', (ctx) =>
		sendJson(ctx.res, 200, {
			results: [...clay.tables.values()].map((t) => ({
				id: t.id,
				name: t.name,
				rowCount: t.rows.length,
			})),
		}),
	);

	router.get('/clay/tables/:tableId', (ctx) => {
		const table = clay.tables.get(ctx.params.tableId);
		if (!table) throw new Error(`No Clay table ${ctx.params.tableId}`);
		sendJson(ctx.res, 200, table);
	});

	/** `{rows: [{...cells}]}`: rows added directly, e.g. to run the HTTP API column over them. */
	router.post('/clay/tables/:tableId/rows', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || !Array.isArray(body.rows) || !body.rows.every(isPlainObject))
			throw new Error('rows must be an array of objects');
		const rows = body.rows.map((cells) =>
			clay.addRow(ctx.params.tableId, cells as Record<string, unknown>),
		);
		sendJson(ctx.res, 201, { results: rows });
	});

	router.post('/clay/tables/:tableId/run-http-column', async (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body)) throw new Error('Expected a JSON object');
		sendJson(
			ctx.res,
			200,
			await runHttpColumn(clay, ctx.params.tableId, body as unknown as HttpColumnConfig),
		);
	});

	router.put('/clay/limits', (ctx) => {
		clay.limits = patchLimit(clay.limits, jsonBody(ctx), 'rowsPerSecond');
		sendJson(ctx.res, 200, clay.limits);
	});
}
