// The Clay emulator behind `/clay`: table webhook sources at `/v3/sources/webhook/<id>` taking
// one JSON object per POST. Clay's exact answers are undocumented; the sandbox keeps them simple
// and says so in sandbox/README.md.
import { timingSafeEqual } from 'node:crypto';
import type { Ctx } from '../http';
import { HttpError, isPlainObject, jsonBody, Router, sendJson } from '../http';
import type { SystemApp } from '../system';
import { MAX_PAYLOAD_BYTES, type ClayState } from './state';

const AUTH_HEADER = 'x-clay-webhook-auth';

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function createClayApp(clay: ClayState): SystemApp {
	const router = new Router();
	const fail = (ctx: Ctx, status: number, message: string, headers = {}) =>
		sendJson(ctx.res, status, { success: false, message }, headers);

	router.post('/v3/sources/webhook/:sourceId', (ctx) => {
		const source = clay.sources.get(ctx.params.sourceId);
		if (!source) return fail(ctx, 404, 'Webhook source not found');
		if (source.authToken) {
			const given = ctx.req.headers[AUTH_HEADER];
			if (typeof given !== 'string' || !sameSecret(given, source.authToken))
				return fail(ctx, 401, 'Unauthorized');
		}
		if (source.submissions >= source.maxSubmissions) {
			return fail(
				ctx,
				403,
				`This webhook has reached its limit of ${source.maxSubmissions} submissions; create a new webhook source.`,
			);
		}
		if (ctx.rawBody.length > MAX_PAYLOAD_BYTES)
			return fail(
				ctx,
				413,
				`Row too large: ${ctx.rawBody.length} bytes, a webhook source takes up to ${MAX_PAYLOAD_BYTES}`,
			);
		let body: unknown;
		try {
			body = jsonBody(ctx);
		} catch (error) {
			if (error instanceof HttpError) return fail(ctx, 400, 'Body is not valid JSON');
			throw error;
		}
		if (!isPlainObject(body))
			return fail(ctx, 400, 'Body must be one JSON object (one row per request)');
		const wait = clay.take();
		if (wait)
			return fail(ctx, 429, 'Too many requests', {
				'Retry-After': Math.max(1, Math.ceil(wait / 1000)),
			});
		source.submissions++;
		clay.addRow(source.tableId, body, source.id);
		sendJson(ctx.res, 200, { success: true });
	});

	return {
		async handle(ctx) {
			const match = router.match(ctx.method, ctx.path);
			if (!match || 'allowed' in match) return fail(ctx, 404, 'Not found');
			ctx.params = match.params;
			await match.handler(ctx);
		},
		fault(ctx, status) {
			fail(
				ctx,
				status,
				status === 429 ? 'Too many requests' : 'Internal server error',
				status === 429 ? { 'Retry-After': 1 } : {},
			);
		},
	};
}
