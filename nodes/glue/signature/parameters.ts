import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_CLAY_HEADER,
	DEFAULT_MAX_BODY_BYTES,
	DEFAULT_TOLERANCE_SECONDS,
	type CustomSchemeOptions,
	type SchemeName,
	type VerifyOptions,
} from '../../shared/signatures';

/** Reads one node parameter; each node passes its own context's getter (webhook vs per-item). */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

export interface SignatureParameters {
	scheme: SchemeName;
	verify: Omit<VerifyOptions, 'secrets' | 'now'> & { maxBodyBytes: number };
	replayProtection: boolean;
	maxRemembered: number;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function customOptions(read: ParameterReader): CustomSchemeOptions {
	return {
		signatureHeader: text(read('customSignatureHeader', '')),
		prefix: text(read('customPrefix', '')),
		algorithm: read('customAlgorithm', 'sha256') as CustomSchemeOptions['algorithm'],
		encoding: read('customEncoding', 'hex') as CustomSchemeOptions['encoding'],
		payloadTemplate: text(read('customPayloadTemplate', '{body}')) || '{body}',
		timestampHeader: text(read('customTimestampHeader', '')) || undefined,
		timestampUnit: read('customTimestampUnit', 's') as CustomSchemeOptions['timestampUnit'],
		idHeader: text(read('customIdHeader', '')) || undefined,
	};
}

/**
 * The parameters of properties.ts, read back into what verifySignature takes. A node whose scheme is fixed
 * (Clay Trigger) passes it instead of showing a Signature Scheme parameter; the settings it does not show
 * read as their defaults.
 */
export function readSignatureParameters(
	read: ParameterReader,
	fixedScheme?: SchemeName,
): SignatureParameters {
	const scheme = fixedScheme ?? (read('scheme', 'standardWebhooks') as SchemeName);
	const options = (read('options', {}) ?? {}) as IDataObject;
	return {
		scheme,
		verify: {
			toleranceSeconds: Number(read('toleranceSeconds', DEFAULT_TOLERANCE_SECONDS)),
			githubAllowSha1: read('githubAllowSha1', false) === true,
			clayHeader: text(read('clayHeader', DEFAULT_CLAY_HEADER)) || DEFAULT_CLAY_HEADER,
			custom: scheme === 'custom' ? customOptions(read) : undefined,
			maxBodyBytes: Number(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
		},
		replayProtection: options.replayProtection !== false,
		maxRemembered: Number(options.maxRemembered ?? 10000),
	};
}
