import { isFreeMailDomain } from './freeMail';
import { splitPublicSuffix } from './publicSuffix';

export interface NormalizedDomain {
	/** Full ASCII hostname without `www.`, e.g. `foo.google.co.uk`. */
	domain: string;
	/** eTLD+1 from the Public Suffix List, e.g. `google.co.uk`: the company key. */
	registrable: string;
	publicSuffix: string;
	/** A consumer mailbox provider (gmail.com, yahoo.co.uk…): not a company. */
	isFreeMail: boolean;
	error?: undefined;
}

export interface DomainError {
	error: string;
	domain?: undefined;
	registrable?: undefined;
	publicSuffix?: undefined;
	isFreeMail?: undefined;
}

export type DomainResult = NormalizedDomain | DomainError;

const ASCII_HOST = /^[a-z0-9.-]+$/;
// Two or more labels of letters, digits and inner hyphens, each 1-63 characters.
const HOSTNAME =
	/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const NUMERIC_HOST = /^[\d.]+$/;
// Bare lowercase domains skip extraction entirely: the common case in CRM data.
const PLAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const WWW = /^www\d{0,2}\./;

/** Pulls the host out of a URL (`https://www.acme.com:8443/x`), an email (`Jo <jo@acme.com>`) or a bare domain. */
function extractHost(input: string): string {
	let text = input.trim();
	const angle = /<([^<>]*)>/.exec(text);
	if (angle) text = angle[1].trim();
	if (/^mailto:/i.test(text)) text = text.slice(7);
	const hasScheme = SCHEME.test(text);
	if (hasScheme) text = text.replace(SCHEME, '');
	else if (text.startsWith('//')) text = text.slice(2);
	const end = text.search(/[/?#]/);
	if (end !== -1) text = text.slice(0, end);
	// user@host in an email or userinfo@host in a URL: the host is after the last @.
	text = text.slice(text.lastIndexOf('@') + 1);
	const port = /:\d*$/.exec(text);
	if (port) text = text.slice(0, port.index);
	return text.toLowerCase().replace(/\.+$/, '');
}

// WHATWG URL parsing applies IDNA (UTS #46) to the hostname; it is a Node global, so no import is needed.
function toAscii(host: string): string | undefined {
	if (ASCII_HOST.test(host)) return host;
	try {
		return new URL(`http://${host}`).hostname.replace(/\.+$/, '');
	} catch {
		return undefined;
	}
}

function invalid(input: string, why: string): DomainError {
	return { error: `'${input}' ${why}` };
}

/**
 * Normalizes anything a CRM stores as a company's web presence to its registrable domain:
 * lowercase, no scheme/path/port/`www.`, IDN in punycode, eTLD+1 via the bundled Public Suffix List.
 */
export function normalizeDomain(input: string): DomainResult {
	const raw = PLAIN_HOST.test(input) ? input : extractHost(input);
	if (!raw)
		return invalid(
			input,
			'has no domain: give a URL, an email address or a domain such as acme.com',
		);
	const ascii = toAscii(raw);
	if (!ascii || ascii.length > 253) return invalid(input, 'is not a valid domain name');
	if (ascii.indexOf('.') === -1)
		return invalid(input, 'has no top-level domain: write it in full, e.g. acme.com');
	if (NUMERIC_HOST.test(ascii) || ascii.startsWith('['))
		return invalid(input, 'is an IP address, not a domain');
	if (!HOSTNAME.test(ascii)) return invalid(input, 'is not a valid domain name');

	let domain = ascii;
	let split = splitPublicSuffix(domain);
	if (WWW.test(domain)) {
		const bare = domain.replace(WWW, '');
		const bareSplit = splitPublicSuffix(bare);
		// `www.ck` is itself registrable: keep www when removing it would leave only a public suffix.
		if (bareSplit.registrable) {
			domain = bare;
			split = bareSplit;
		}
	}
	if (!split.registrable) {
		return invalid(input, `is a public suffix (like co.uk), not a company domain`);
	}
	return {
		domain,
		registrable: split.registrable,
		publicSuffix: split.publicSuffix,
		isFreeMail: isFreeMailDomain(split.registrable, split.publicSuffix),
	};
}
