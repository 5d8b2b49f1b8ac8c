import { call, useSandbox } from '../helpers/client';

const t = useSandbox();
let hook: string;

beforeEach(async () => {
	hook = (await t.admin('POST', '/slack/webhooks', { channel: '#revops-alerts' })).body.url;
});

const post = (body: unknown, token = 'xoxb-sandbox') =>
	call(
		`${t.sb.slackUrl}/api/chat.postMessage`,
		'POST',
		body,
		token ? { authorization: `Bearer ${token}` } : {},
	);
const messages = async (channel?: string) =>
	(await t.admin('GET', `/slack/messages${channel ? `?channel=${channel}` : ''}`)).body.results;

describe('Slack incoming webhooks', () => {
	it('answer 200 "ok" and record text and blocks in the hook’s channel', async () => {
		const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*New lead*' } }];
		const res = await call(hook, 'POST', { text: 'New lead', blocks });
		expect(res.status).toBe(200);
		expect(res.text).toBe('ok');
		expect(await messages('revops-alerts')).toEqual([
			expect.objectContaining({
				channelName: 'revops-alerts',
				text: 'New lead',
				blocks,
				via: 'incoming-webhook',
			}),
		]);
	});

	it('answer Slack’s plain-text errors', async () => {
		expect(await call(hook, 'POST', '{not json')).toMatchObject({
			status: 400,
			text: 'invalid_payload',
		});
		expect(await call(hook, 'POST', { username: 'x' })).toMatchObject({
			status: 400,
			text: 'no_text',
		});
		expect(await call(hook, 'POST', { blocks: [{ text: 'no type' }] })).toMatchObject({
			status: 400,
			text: 'invalid_blocks',
		});
		expect(await call(`${t.sb.slackUrl}/services/T1/B1/nope`, 'POST', { text: 'x' })).toMatchObject(
			{
				status: 404,
				text: 'no_service',
			},
		);
		await t.admin('POST', '/slack/channels', { name: 'revops-alerts', archived: true });
		expect(await call(hook, 'POST', { text: 'x' })).toMatchObject({
			status: 410,
			text: 'channel_is_archived',
		});
		await t.admin('DELETE', '/slack/channels/revops-alerts');
		expect(await call(hook, 'POST', { text: 'x' })).toMatchObject({
			status: 404,
			text: 'channel_not_found',
		});
		expect(await messages()).toEqual([]);
	});

	it('accept the form-encoded payload= variant', async () => {
		const res = await call(
			hook,
			'POST',
			`payload=${encodeURIComponent(JSON.stringify({ text: 'form' }))}`,
			{
				'content-type': 'application/x-www-form-urlencoded',
			},
		);
		expect(res.text).toBe('ok');
		expect((await messages())[0].text).toBe('form');
	});

	it('limit a channel to 1 message per second with 429 and Retry-After', async () => {
		expect((await call(hook, 'POST', { text: '1' })).status).toBe(200);
		const limited = await call(hook, 'POST', { text: '2' });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('1');
		// Other channels are unaffected.
		expect((await post({ channel: 'general', text: 'other' })).body.ok).toBe(true);
		t.sb.tick(1000);
		expect((await call(hook, 'POST', { text: '3' })).status).toBe(200);
		expect((await messages('revops-alerts')).map((m: { text: string }) => m.text)).toEqual([
			'1',
			'3',
		]);
	});
});

describe('Slack chat.postMessage', () => {
	it('answers {ok:true, channel, ts, message} and records the message', async () => {
		const blocks = [{ type: 'divider' }];
		const res = await post({ channel: '#general', text: 'hello', blocks });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			ok: true,
			channel: expect.stringMatching(/^C/),
			ts: expect.stringMatching(/^\d+\.\d{6}$/),
			message: expect.objectContaining({ type: 'message', text: 'hello', blocks, ts: res.body.ts }),
		});
		expect(await messages('general')).toEqual([
			expect.objectContaining({
				channel: res.body.channel,
				ts: res.body.ts,
				text: 'hello',
				blocks,
				via: 'chat.postMessage',
			}),
		]);
	});

	it('answers failures with HTTP 200 and {ok:false, error}', async () => {
		const cases: Array<[unknown, string | undefined, string]> = [
			[{ channel: 'general', text: 'x' }, '', 'not_authed'],
			[{ channel: 'general', text: 'x' }, 'xoxb-wrong', 'invalid_auth'],
			[{ channel: 'nope', text: 'x' }, undefined, 'channel_not_found'],
			[{ channel: 'general' }, undefined, 'no_text'],
			[{ channel: 'general', blocks: 'not json' }, undefined, 'invalid_blocks_format'],
		];
		for (const [body, token, error] of cases) {
			const res = await post(body, token);
			expect({ status: res.status, body: res.body }).toEqual({
				status: 200,
				body: { ok: false, error },
			});
		}
		await t.admin('POST', '/slack/channels', { name: 'general', archived: true });
		expect((await post({ channel: 'general', text: 'x' })).body).toEqual({
			ok: false,
			error: 'is_archived',
		});
	});

	it('answers 429 {ok:false, error:"ratelimited"} with Retry-After past 1 message/s per channel', async () => {
		await post({ channel: 'general', text: '1' });
		const limited = await post({ channel: 'general', text: '2' });
		expect(limited.status).toBe(429);
		expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		await t.admin('PUT', '/slack/limits', { perChannelPerSecond: 5 });
		expect((await post({ channel: 'general', text: '3' })).status).toBe(200);
	});
});
