// What Slack accepts as a message body, shared by incoming webhooks and chat.postMessage:
// text and/or blocks (each block an object with a `type`), or legacy attachments.
import { isPlainObject } from '../http';

export interface MessageContent {
	text?: string;
	blocks?: unknown[];
	attachments?: unknown[];
}

const MAX_TEXT = 40_000;
const MAX_BLOCKS = 50;

/** The content, or Slack's error code for why it is refused. */
export function messageContent(
	payload: Record<string, unknown>,
): MessageContent | { error: string } {
	let blocks = payload.blocks;
	// chat.postMessage accepts blocks as a JSON-encoded string (form-encoded calls).
	if (typeof blocks === 'string') {
		try {
			blocks = JSON.parse(blocks);
		} catch {
			return { error: 'invalid_blocks_format' };
		}
	}
	if (
		blocks !== undefined &&
		(!Array.isArray(blocks) ||
			blocks.length > MAX_BLOCKS ||
			!blocks.every((b) => isPlainObject(b) && typeof b.type === 'string'))
	) {
		return { error: 'invalid_blocks' };
	}
	const text =
		payload.text === undefined || payload.text === null ? undefined : String(payload.text);
	const attachments = Array.isArray(payload.attachments) ? payload.attachments : undefined;
	if (!text && !(blocks as unknown[] | undefined)?.length && !attachments?.length)
		return { error: 'no_text' };
	if (text && text.length > MAX_TEXT) return { error: 'msg_too_long' };
	return { text, blocks: blocks as unknown[] | undefined, attachments };
}
