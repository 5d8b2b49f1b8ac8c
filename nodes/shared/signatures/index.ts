export { verifySignature, DEFAULT_MAX_BODY_BYTES } from './verify';
export { signRequest } from './sign';
export { deriveReplayKey } from './replay';
export { bodyTooLarge, fail, REPLAY_REASON, REPLAY_STATUS } from './reasons';
export { DEFAULT_TOLERANCE_SECONDS } from './timestamp';
export { DEFAULT_CLAY_HEADER } from './clay';
export { hubspotV3Uri } from './hubspot';
export { twilioPayload } from './twilio';
export { SCHEME_NAMES } from './types';
export type {
	CustomSchemeOptions,
	DigestAlgorithm,
	DigestEncoding,
	Failure,
	HeaderValue,
	KeyUsed,
	SchemeName,
	SchemeOptions,
	Secrets,
	SignInput,
	TimestampUnit,
	VerifyOptions,
	VerifyRequest,
	VerifyResult,
	VerifySuccess,
} from './types';
