// The key that identifies a record across rows: a company by its registrable domain (free-mail
// domains are not companies), a contact by its email, anything else by a unique property's value.
import { normalizeDomain } from '../domain/normalizeDomain';
import type { KeyOutcome } from './groupRows';

const asText = (raw: unknown) => (raw === null || raw === undefined ? '' : String(raw).trim());

export function companyKey(raw: unknown): KeyOutcome {
	const text = asText(raw);
	if (!text) return { reason: 'No domain given', code: 'INVALID_DOMAIN' };
	const result = normalizeDomain(text);
	if (result.error !== undefined) return { reason: result.error, code: 'INVALID_DOMAIN' };
	if (result.isFreeMail) {
		return {
			reason: `${result.registrable} is a free-mail provider, not a company domain`,
			code: 'FREE_MAIL_DOMAIN',
		};
	}
	return { key: result.registrable };
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** HubSpot matches contact emails case-insensitively. */
export function emailKey(raw: unknown): KeyOutcome {
	const text = asText(raw).toLowerCase();
	if (!text) return { reason: 'No email given', code: 'INVALID_EMAIL' };
	if (!EMAIL.test(text))
		return { reason: `'${text}' is not an email address`, code: 'INVALID_EMAIL' };
	return { key: text };
}

export function uniqueValueKey(raw: unknown, property: string): KeyOutcome {
	const text = asText(raw);
	return text
		? { key: text }
		: { reason: `No value for the unique property ${property}`, code: 'MISSING_ID' };
}
