// Slack workspace state: channels, incoming-webhook URLs, bot tokens, posted messages and the
// per-channel posting limit (about one message per second per channel).
import type { Clock } from '../clock';
import { SlidingWindow } from '../limiter';

export interface SlackChannel {
	id: string;
	name: string;
	archived: boolean;
}

export interface SlackWebhook {
	/** `T…/B…/secret`, the part after `/services/`. */
	path: string;
	channelId: string;
}

export interface SlackMessage {
	channel: string;
	channelName: string;
	ts: string;
	via: 'incoming-webhook' | 'chat.postMessage';
	text?: string;
	blocks?: unknown[];
	attachments?: unknown[];
	threadTs?: string;
	username?: string;
	receivedAt: string;
}

export interface SlackLimits {
	enabled: boolean;
	perChannelPerSecond: number;
}

export interface SlackSnapshot {
	channels: SlackChannel[];
	webhooks: SlackWebhook[];
	tokens: string[];
	messages: SlackMessage[];
}

export const DEFAULT_BOT_TOKEN = 'xoxb-sandbox';
export const DEFAULT_WEBHOOK_PATH = 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
/** Seeded by reset(), in this order (ids C0000000001…); the default webhook posts into the first. */
export const DEFAULT_CHANNELS = [
	'general',
	'revops-alerts',
	'high-intent',
	'revops-errors',
	'revops-events',
] as const;

export class SlackState {
	channels = new Map<string, SlackChannel>();
	webhooks = new Map<string, SlackWebhook>();
	tokens = new Set<string>();
	messages: SlackMessage[] = [];
	limits: SlackLimits = { enabled: true, perChannelPerSecond: 1 };
	private windows = new Map<string, SlidingWindow>();
	private nextChannel = 1;
	private nextTs = 1;

	constructor(private readonly clock: Clock) {
		this.reset();
	}

	reset() {
		this.channels.clear();
		this.webhooks.clear();
		this.tokens = new Set([DEFAULT_BOT_TOKEN]);
		this.messages = [];
		this.limits = { enabled: true, perChannelPerSecond: 1 };
		this.windows.clear();
		this.nextChannel = 1;
		// Besides #general, the channels the workflow templates (workflows/) post to: they run on a fresh sandbox.
		const [general] = DEFAULT_CHANNELS.map((name) => this.addChannel(name));
		this.webhooks.set(DEFAULT_WEBHOOK_PATH, { path: DEFAULT_WEBHOOK_PATH, channelId: general.id });
	}

	addChannel(name: string, archived = false): SlackChannel {
		const clean = name.replace(/^#/, '');
		const existing = this.findChannel(clean);
		if (existing) {
			existing.archived = archived;
			return existing;
		}
		const channel = {
			id: `C${String(this.nextChannel++).padStart(10, '0')}`,
			name: clean,
			archived,
		};
		this.channels.set(channel.id, channel);
		return channel;
	}

	/** By id (C…) or by name, with or without `#`. */
	findChannel(ref: string): SlackChannel | undefined {
		const byId = this.channels.get(ref);
		if (byId) return byId;
		const name = ref.replace(/^#/, '');
		return [...this.channels.values()].find((c) => c.name === name);
	}

	addWebhook(channel: SlackChannel, path?: string): SlackWebhook {
		const hook = {
			path:
				path ?? `T00000000/B${String(this.webhooks.size + 1).padStart(8, '0')}/${randomSecret()}`,
			channelId: channel.id,
		};
		this.webhooks.set(hook.path, hook);
		return hook;
	}

	/** 0 when the channel may take a message now, else milliseconds to wait. */
	take(channelId: string): number {
		if (!this.limits.enabled) return 0;
		let window = this.windows.get(channelId);
		if (!window) {
			window = new SlidingWindow(this.limits.perChannelPerSecond, 1000);
			this.windows.set(channelId, window);
		}
		window.limit = this.limits.perChannelPerSecond;
		return window.take(this.clock.now());
	}

	/** Slack message timestamps: seconds.micro, unique per workspace. */
	newTs(): string {
		return `${Math.floor(this.clock.now() / 1000)}.${String(this.nextTs++ % 1_000_000).padStart(6, '0')}`;
	}

	record(message: Omit<SlackMessage, 'receivedAt'>): SlackMessage {
		const stored = { ...message, receivedAt: new Date(this.clock.now()).toISOString() };
		this.messages.push(stored);
		return stored;
	}

	toJSON(): SlackSnapshot {
		return {
			channels: [...this.channels.values()],
			webhooks: [...this.webhooks.values()],
			tokens: [...this.tokens],
			messages: this.messages,
		};
	}

	load(snapshot: SlackSnapshot) {
		this.channels = new Map(snapshot.channels.map((c) => [c.id, c]));
		this.webhooks = new Map(snapshot.webhooks.map((w) => [w.path, w]));
		this.tokens = new Set(snapshot.tokens);
		this.messages = snapshot.messages;
		this.nextChannel = Math.max(0, ...snapshot.channels.map((c) => Number(c.id.slice(1)) || 0)) + 1;
	}
}

function randomSecret(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	let out = '';
	for (let i = 0; i < 24; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
	return out;
}
