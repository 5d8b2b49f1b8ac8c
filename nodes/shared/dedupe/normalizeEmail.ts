import { normalizeDomain } from '../domain/normalizeDomain';

export interface EmailOptions {
	/** `jo+news@acme.com` → `jo@acme.com`: the tag after `+` reaches the same mailbox at most providers. */
	stripPlusTag?: boolean;
	/** Gmail ignores dots in the local part and treats googlemail.com as gmail.com. */
	ignoreGmailDots?: boolean;
}

export type EmailResult =
	| { email: string; error?: undefined }
	| { error: string; email?: undefined };

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Lowercases an address (also from `Name <addr>` or `mailto:`) and applies the optional mailbox rules. */
export function normalizeEmail(input: string, options: EmailOptions = {}): EmailResult {
	let text = input.trim();
	const angle = /<([^<>]*)>/.exec(text);
	if (angle) text = angle[1].trim();
	if (/^mailto:/i.test(text)) text = text.slice(7);
	const at = text.lastIndexOf('@');
	let local = text.slice(0, at).toLowerCase();
	if (at <= 0 || !LOCAL_PART.test(local)) {
		return { error: `'${input}' is not an email address: expected name@company.com` };
	}
	const domain = normalizeDomain(text.slice(at + 1));
	if (domain.error !== undefined)
		return { error: `'${input}' has an invalid domain: ${domain.error}` };
	let host = domain.domain;
	if (options.stripPlusTag) {
		const plus = local.indexOf('+');
		if (plus > 0) local = local.slice(0, plus);
	}
	if (options.ignoreGmailDots && (host === 'gmail.com' || host === 'googlemail.com')) {
		local = local.replace(/\./g, '');
		host = 'gmail.com';
	}
	return { email: `${local}@${host}` };
}
