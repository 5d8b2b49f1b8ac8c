/** Schemes this module verifies and signs. The value is what a node stores as its option. */
export const SCHEME_NAMES = [
	'standardWebhooks',
	'stripe',
	'github',
	'slack',
	'shopify',
	'hubspotV1',
	'hubspotV2',
	'hubspotV3',
	'twilio',
	'clay',
	'custom',
] as const;

export type SchemeName = (typeof SCHEME_NAMES)[number];

export type HeaderValue = string | string[] | undefined;

export interface VerifyRequest {
	method: string;
	/** The public URL the sender called, exactly as it signed it (HubSpot v2/v3, Twilio, custom `{url}`). */
	url: string;
	headers: Record<string, HeaderValue>;
	/** The body bytes as received: what is verified. */
	rawBody: Buffer;
	/** Twilio only: the POST parameters when already parsed; otherwise they are read from `rawBody`. */
	form?: Record<string, string | string[]>;
}

export type DigestAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type DigestEncoding = 'hex' | 'base64';
export type TimestampUnit = 's' | 'ms';

/** A scheme you describe yourself: HMAC over a template of the request, carried in one header. */
export interface CustomSchemeOptions {
	signatureHeader: string;
	/** Text before the encoded digest in the header, e.g. `sha256=`. */
	prefix?: string;
	algorithm: DigestAlgorithm;
	encoding: DigestEncoding;
	/** Signed payload; placeholders `{body} {timestamp} {id} {method} {url}`. Default `{body}`. */
	payloadTemplate?: string;
	timestampHeader?: string;
	timestampUnit?: TimestampUnit;
	idHeader?: string;
}

/** Options that change how a scheme reads or writes a request (shared by verify and sign). */
export interface SchemeOptions {
	/** GitHub: accept `X-Hub-Signature: sha1=…` when `X-Hub-Signature-256` is absent. */
	githubAllowSha1?: boolean;
	/** Clay: header carrying the shared secret. Default `x-clay-webhook-secret`. */
	clayHeader?: string;
	custom?: CustomSchemeOptions;
}

export interface Secrets {
	current: string;
	/** The secret being rotated out; still accepted until removed from the credential. */
	previous?: string;
}

export interface VerifyOptions extends SchemeOptions {
	secrets: Secrets;
	/** Allowed clock difference, past and future. Default 300. */
	toleranceSeconds?: number;
	/** Current time in milliseconds. Default `Date.now`. */
	now?: () => number;
	/** Largest body accepted. Default 1 MiB. */
	maxBodyBytes?: number;
}

export type KeyUsed = 'current' | 'previous';

export interface VerifySuccess {
	ok: true;
	scheme: SchemeName;
	keyUsed: KeyUsed;
	/** Sender's timestamp in seconds, when the scheme signs one. */
	timestamp?: number;
	/** Sender's event or delivery id, when the request carries one. */
	eventId?: string;
	/** What the node stores to reject the same request a second time (see replay.ts). */
	replayKey: string;
}

export interface Failure {
	ok: false;
	status: 400 | 401 | 413;
	reason: string;
}

export type VerifyResult = VerifySuccess | Failure;

/** What a scheme reads from a request before any secret is involved. */
export interface ParsedRequest {
	/** Signatures the request carries, decoded to bytes. */
	provided: Buffer[];
	/** Digests a genuine request would carry for this secret (several when the scheme allows variants). */
	expected: (secret: string) => Buffer[] | Failure;
	timestamp?: number;
	eventId?: string;
	/** True when the event id is covered by the signature, so it can key replay protection. */
	eventIdSigned?: boolean;
	/** Replay material when the signature is the same for every request (a static shared secret). */
	replayMaterial?: Buffer;
}

/** Everything a signer needs to produce a genuine request. Timestamps are seconds. */
export interface SignInput {
	body: string | Buffer;
	timestamp?: number;
	id?: string;
	method?: string;
	url?: string;
	form?: Record<string, string | string[]>;
}

/** A SignInput with every default filled in and the body as bytes. */
export interface ResolvedSignInput {
	body: Buffer;
	timestamp: number;
	id: string;
	method: string;
	url: string;
	form?: Record<string, string | string[]>;
}

/** One file per scheme implements both directions over the same payload builder. */
export interface Scheme {
	parse(request: VerifyRequest, options: SchemeOptions): ParsedRequest | Failure;
	sign(secret: string, input: ResolvedSignInput, options: SchemeOptions): Record<string, string>;
}
