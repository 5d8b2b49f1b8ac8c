// Admin routes for the Slack emulator (/_sandbox/slack/...): channels, webhook URLs, bot tokens,
// the per-channel limit, and the messages posted so far.
import type { Router } from '../http';
import { patchLimit } from '../limiter';
import { isPlainObject, jsonBody, sendEmpty, sendJson } from '../http';
import type { SlackChannel, SlackState } from './state';

export interface SlackSeed {
	channels?: Array<{ name: string; archived?: boolean }>;
	webhooks?: Array<{ channel: string; path?: string }>;
	tokens?: string[];
}

export function seedSlack(slack: SlackState, seed: SlackSeed) {
	const channels = (seed.channels ?? []).map((c) => slack.addChannel(c.name, c.archived === true));
	const webhooks = (seed.webhooks ?? []).map((w) =>
		slack.addWebhook(channelOrThrow(slack, w.channel), w.path),
	);
	for (const token of seed.tokens ?? []) slack.tokens.add(token);
	return { channels, webhooks: webhooks.map((w) => `/slack/services/${w.path}`) };
}

function channelOrThrow(slack: SlackState, ref: string): SlackChannel {
	const channel = slack.findChannel(ref);
	if (!channel) throw new Error(`No Slack channel ${ref}; create it first`);
	return channel;
}

export function registerSlackAdmin(
	router: Router,
	slack: SlackState,
	baseUrl: (host?: string) => string,
) {
	router.get('/slack/messages', (ctx) => {
		const channel = ctx.query.get('channel');
		const wanted = channel ? slack.findChannel(channel)?.id : undefined;
		if (channel && !wanted) return sendJson(ctx.res, 200, { results: [] });
		sendJson(ctx.res, 200, {
			results: slack.messages.filter((m) => !wanted || m.channel === wanted),
		});
	});

	router.delete('/slack/messages', (ctx) => {
		slack.messages = [];
		sendEmpty(ctx.res, 204);
	});

	router.get('/slack/channels', (ctx) =>
		sendJson(ctx.res, 200, { results: [...slack.channels.values()] }),
	);

	/** `{name, archived?}`: creates the channel, or sets `archived` on an existing one. */
	router.post('/slack/channels', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.name !== 'string') throw new Error('name is required');
		sendJson(ctx.res, 201, slack.addChannel(body.name, body.archived === true));
	});

	router.delete('/slack/channels/:channel', (ctx) => {
		slack.channels.delete(channelOrThrow(slack, ctx.params.channel).id);
		sendEmpty(ctx.res, 204);
	});

	router.get('/slack/webhooks', (ctx) => {
		const base = baseUrl(ctx.req.headers.host);
		sendJson(ctx.res, 200, {
			results: [...slack.webhooks.values()].map((w) => ({
				...w,
				url: `${base}/slack/services/${w.path}`,
			})),
		});
	});

	/** `{channel, path?}` → `{url}`: an incoming-webhook URL posting into that channel. */
	router.post('/slack/webhooks', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.channel !== 'string')
			throw new Error('channel is required');
		const hook = slack.addWebhook(
			channelOrThrow(slack, body.channel),
			typeof body.path === 'string' ? body.path : undefined,
		);
		sendJson(ctx.res, 201, {
			...hook,
			url: `${baseUrl(ctx.req.headers.host)}/slack/services/${hook.path}`,
		});
	});

	router.post('/slack/tokens', (ctx) => {
		const body = jsonBody(ctx);
		if (!isPlainObject(body) || typeof body.token !== 'string')
			throw new Error('token is required');
		slack.tokens.add(body.token);
		sendJson(ctx.res, 201, { token: body.token });
	});

	router.put('/slack/limits', (ctx) => {
		slack.limits = patchLimit(slack.limits, jsonBody(ctx), 'perChannelPerSecond');
		sendJson(ctx.res, 200, slack.limits);
	});
}
