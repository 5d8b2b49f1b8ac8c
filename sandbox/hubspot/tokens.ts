// Private-app tokens the sandbox accepts, their scopes and per-token rate-limit overrides.
import type { Ctx } from '../http';
import { bearerToken } from '../http';
import { HubSpotError, missingScopes } from './errors';
import type { RateLimitConfig } from './ratelimit';

export const DEFAULT_TOKEN = 'pat-sandbox';

const SCOPE_FAMILIES = ['contacts', 'companies', 'deals', 'custom'];
export const ALL_SCOPES = SCOPE_FAMILIES.flatMap((f) => [
	`crm.objects.${f}.read`,
	`crm.objects.${f}.write`,
	`crm.schemas.${f}.read`,
	`crm.schemas.${f}.write`,
]);

export interface TokenInfo {
	token: string;
	scopes: string[];
	/** Private app id: the rate-limit group and the history `sourceId` of its writes. */
	appId: string;
	expired: boolean;
	limits: Partial<RateLimitConfig>;
}

export class Tokens {
	private readonly tokens = new Map<string, TokenInfo>();
	private nextAppId = 1;

	constructor() {
		this.reset();
	}

	reset() {
		this.tokens.clear();
		this.nextAppId = 1;
		this.register({ token: DEFAULT_TOKEN });
	}

	register(input: Partial<TokenInfo> & { token: string }): TokenInfo {
		const info: TokenInfo = {
			scopes: ALL_SCOPES,
			appId: String(this.nextAppId++),
			expired: false,
			limits: {},
			...input,
		};
		this.tokens.set(info.token, info);
		return info;
	}

	get(token: string): TokenInfo | undefined {
		return this.tokens.get(token);
	}

	remove(token: string): boolean {
		return this.tokens.delete(token);
	}

	list(): TokenInfo[] {
		return [...this.tokens.values()];
	}

	/** 401 as HubSpot words it: no/unknown credentials, or an expired token. */
	authenticate(ctx: Ctx): TokenInfo {
		const token = bearerToken(ctx.req);
		const info = token ? this.tokens.get(token) : undefined;
		if (!info) {
			throw new HubSpotError(
				401,
				'INVALID_AUTHENTICATION',
				'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
			);
		}
		if (info.expired) {
			throw new HubSpotError(
				401,
				'EXPIRED_AUTHENTICATION',
				'The OAuth token used to make this call expired 0 day(s) ago.',
			);
		}
		return info;
	}
}

/** 403 MISSING_SCOPES unless the token holds at least one of `anyOf`. */
export function requireScope(token: TokenInfo, ...anyOf: string[]) {
	if (!anyOf.some((scope) => token.scopes.includes(scope))) throw missingScopes(anyOf);
}
