// The HubSpot emulator behind `/hubspot`: every call is authenticated, rate-limited per token and
// answered with X-HubSpot-Correlation-Id; every failure uses HubSpot's error envelope.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http';
import { HttpError, Router, sendJson, sendText } from '../http';
import type { SystemApp } from '../system';
import { registerAssociationRoutes } from './associations';
import { registerBatchRoutes } from './batch';
import { errorBody, HubSpotError } from './errors';
import { registerLegacyRoutes } from './legacy';
import { registerObjectRoutes } from './objects';
import { registerPropertyRoutes } from './properties';
import { registerSchemaRoutes } from './schemas';
import { registerSearchRoutes } from './search';
import type { HubSpotState } from './state';

const SEARCH_PATH = /^\/crm\/v3\/objects\/[^/]+\/search\/?$/;

function asHubSpotError(error: unknown): HubSpotError {
	if (error instanceof HubSpotError) return error;
	if (error instanceof HttpError) {
		return new HubSpotError(error.status, 'VALIDATION_ERROR', error.message);
	}
	return new HubSpotError(500, 'INTERNAL_ERROR', `internal error: ${(error as Error).message}`);
}

export function createHubSpotApp(hs: HubSpotState): SystemApp {
	const router = new Router();
	// Search and batch first: their paths would otherwise read as `/{type}/{id}`.
	registerSearchRoutes(router, hs);
	registerBatchRoutes(router, hs);
	registerObjectRoutes(router, hs);
	registerPropertyRoutes(router, hs);
	registerSchemaRoutes(router, hs);
	registerAssociationRoutes(router, hs);
	registerLegacyRoutes(router, hs);

	const fail = (ctx: Ctx, error: HubSpotError) => {
		const id = String(ctx.res.getHeader('X-HubSpot-Correlation-Id') ?? randomUUID());
		sendJson(ctx.res, error.status, errorBody(error, id), error.headers);
	};

	return {
		async handle(ctx) {
			ctx.res.setHeader('X-HubSpot-Correlation-Id', randomUUID());
			try {
				const token = hs.tokens.authenticate(ctx);
				ctx.token = token.token;
				const verdict = hs.rateLimits.check(
					token,
					ctx.method === 'POST' && SEARCH_PATH.test(ctx.path),
					hs.clock.now(),
				);
				if (!verdict.ok) throw verdict.error;
				for (const [name, value] of Object.entries(verdict.headers)) ctx.res.setHeader(name, value);
				const match = router.match(ctx.method, ctx.path);
				if (!match)
					throw new HubSpotError(404, 'OBJECT_NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`);
				if ('allowed' in match) {
					throw new HubSpotError(
						405,
						'VALIDATION_ERROR',
						`HTTP ${ctx.method} is not supported by ${ctx.path}`,
						{},
						{ Allow: match.allowed.join(', ') },
					);
				}
				ctx.params = match.params;
				await match.handler(ctx);
			} catch (error) {
				fail(ctx, asHubSpotError(error));
			}
		},

		fault(ctx, status) {
			ctx.res.setHeader('X-HubSpot-Correlation-Id', randomUUID());
			if (status === 429) {
				fail(
					ctx,
					new HubSpotError(
						429,
						'RATE_LIMITS',
						'You have reached your ten_secondly_rolling limit.',
						{
							extra: { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
						},
					),
				);
			} else if (status === 500) {
				fail(ctx, new HubSpotError(500, 'INTERNAL_ERROR', 'internal error'));
			} else {
				// HubSpot's edge answers gateway failures with an HTML page, not the JSON envelope.
				const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
				sendText(
					ctx.res,
					status,
					`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
					{},
					'text/html',
				);
			}
		},
	};
}
