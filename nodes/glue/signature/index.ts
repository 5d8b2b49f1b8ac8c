export { CREDENTIAL_TYPE, secretsFrom, webhookSecretApiTest } from './credentials';
export {
	readSignatureParameters,
	type ParameterReader,
	type SignatureParameters,
} from './parameters';
export { acceptedSignature, rejectedSignature } from './outcome';
export {
	clayHeaderProperty,
	maxBodyBytesOption,
	maxRememberedOption,
	replayProtectionOption,
	schemeProperties,
} from './properties';
export { verifyInbound } from './verifyInbound';
