export { CREDENTIAL_TYPE, secretsFrom, webhookSecretApiTest } from './credentials';
export { signatureSettings, type ParameterReader, type SignatureSettings } from './parameters';
export { acceptedSignature, rejectedSignature } from './outcome';
export {
	maxBodyBytesOption,
	maxRememberedOption,
	replayProtectionOption,
	schemeProperties,
} from './properties';
