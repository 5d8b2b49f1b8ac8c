// The Slack emulator behind `/slack`: incoming webhooks (`/services/T…/B…/…`, plain-text answers
// with HTTP status codes) and Web API methods (`/api/chat.postMessage`, `/api/auth.test`: always
// HTTP 200 with {ok:false, error} on failure, except 429 when rate limited).
import type { Ctx } from '../http';
import {
	bearerToken,
	HttpError,
	isPlainObject,
	jsonBody,
	Router,
	sendJson,
	sendText,
} from '../http';
import type { SystemApp } from '../system';
import { messageContent } from './message';
import type { SlackState } from './state';

const BOT = { user: 'U0SANDBOX01', bot_id: 'B0SANDBOX01', team_id: 'T00000000', team: 'Sandbox' };

function payloadOf(ctx: Ctx): Record<string, unknown> | undefined {
	try {
		const body = jsonBody(ctx);
		return isPlainObject(body) ? body : undefined;
	} catch (error) {
		if (error instanceof HttpError) return undefined;
		throw error;
	}
}

export function createSlackApp(slack: SlackState): SystemApp {
	const router = new Router();
	const retryAfter = (waitMs: number) => ({ 'Retry-After': Math.max(1, Math.ceil(waitMs / 1000)) });

	router.post('/services/:team/:bot/:secret', (ctx) => {
		const hook = slack.webhooks.get(`${ctx.params.team}/${ctx.params.bot}/${ctx.params.secret}`);
		if (!hook) return sendText(ctx.res, 404, 'no_service');
		const channel = slack.channels.get(hook.channelId);
		if (!channel) return sendText(ctx.res, 404, 'channel_not_found');
		if (channel.archived) return sendText(ctx.res, 410, 'channel_is_archived');
		const payload = payloadOf(ctx);
		if (!payload) return sendText(ctx.res, 400, 'invalid_payload');
		const content = messageContent(payload);
		if ('error' in content) return sendText(ctx.res, 400, content.error);
		const wait = slack.take(channel.id);
		if (wait) return sendText(ctx.res, 429, 'rate_limited', retryAfter(wait));
		slack.record({
			channel: channel.id,
			channelName: channel.name,
			ts: slack.newTs(),
			via: 'incoming-webhook',
			...content,
		});
		sendText(ctx.res, 200, 'ok', {}, 'text/html');
	});

	/** Web API auth: Bearer header or a `token` field; the error when neither is a known token. */
	const authError = (ctx: Ctx, payload: Record<string, unknown> | undefined) => {
		const token =
			bearerToken(ctx.req) ?? (typeof payload?.token === 'string' ? payload.token : undefined);
		if (!token) return 'not_authed';
		return slack.tokens.has(token) ? undefined : 'invalid_auth';
	};
	const fail = (ctx: Ctx, error: string) => sendJson(ctx.res, 200, { ok: false, error });

	const authTest = (ctx: Ctx) => {
		const error = authError(ctx, payloadOf(ctx));
		if (error) return fail(ctx, error);
		sendJson(ctx.res, 200, { ok: true, url: 'https://sandbox.slack.com/', ...BOT });
	};
	router.post('/api/auth.test', authTest).get('/api/auth.test', authTest);

	router.post('/api/chat.postMessage', (ctx) => {
		const payload = payloadOf(ctx);
		const error = authError(ctx, payload);
		if (error) return fail(ctx, error);
		if (!payload) return fail(ctx, 'invalid_json');
		const channel =
			typeof payload.channel === 'string' ? slack.findChannel(payload.channel) : undefined;
		if (!channel) return fail(ctx, 'channel_not_found');
		if (channel.archived) return fail(ctx, 'is_archived');
		const content = messageContent(payload);
		if ('error' in content) return fail(ctx, content.error);
		const wait = slack.take(channel.id);
		if (wait) return sendJson(ctx.res, 429, { ok: false, error: 'ratelimited' }, retryAfter(wait));
		const threadTs = typeof payload.thread_ts === 'string' ? payload.thread_ts : undefined;
		const username = typeof payload.username === 'string' ? payload.username : undefined;
		const stored = slack.record({
			channel: channel.id,
			channelName: channel.name,
			ts: slack.newTs(),
			via: 'chat.postMessage',
			threadTs,
			username,
			...content,
		});
		sendJson(ctx.res, 200, {
			ok: true,
			channel: channel.id,
			ts: stored.ts,
			message: {
				type: 'message',
				subtype: 'bot_message',
				text: content.text ?? '',
				user: BOT.user,
				bot_id: BOT.bot_id,
				ts: stored.ts,
				...(content.blocks ? { blocks: content.blocks } : {}),
				...(content.attachments ? { attachments: content.attachments } : {}),
				...(threadTs ? { thread_ts: threadTs } : {}),
			},
		});
	});

	return {
		async handle(ctx) {
			const match = router.match(ctx.method, ctx.path);
			if (!match || 'allowed' in match) {
				// Unknown Web API methods answer like Slack; other paths like its web server.
				if (ctx.path.startsWith('/api/')) return fail(ctx, 'unknown_method');
				return sendText(ctx.res, 404, 'not_found');
			}
			ctx.params = match.params;
			await match.handler(ctx);
		},
		fault(ctx, status) {
			if (status === 429) {
				if (ctx.path.startsWith('/api/'))
					sendJson(ctx.res, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': 1 });
				else sendText(ctx.res, 429, 'rate_limited', { 'Retry-After': 1 });
			} else
				sendText(
					ctx.res,
					status,
					status === 500 ? 'internal_error' : 'service_unavailable',
					{},
					'text/html',
				);
		},
	};
}
