import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import type { Secrets } from '../../shared/signatures';

export const CREDENTIAL_TYPE = 'webhookSecretApi';

export function secretsFrom(data: ICredentialDataDecryptedObject): Secrets {
	const previous =
		typeof data.previousSecret === 'string' && data.previousSecret !== ''
			? data.previousSecret
			: undefined;
	return { current: typeof data.secret === 'string' ? data.secret : '', previous };
}

/** Whitespace around a pasted secret is a common cause of "signature mismatch" that is hard to see. */
function secretProblem(label: string, value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (value.trim() === '') return `${label} is empty`;
	if (value.trim() !== value)
		return `${label} starts or ends with whitespace; paste it without spaces or line breaks`;
	return undefined;
}

/**
 * There is no remote endpoint to call with a signing secret: the check is local. It catches what would
 * make every request fail (an empty or padded secret, previous equal to current) before a sender does.
 */
export async function webhookSecretApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secrets = secretsFrom(credential.data ?? {});
	const problem =
		secretProblem('Current secret', secrets.current) ??
		secretProblem('Previous secret', secrets.previous);
	if (problem) return { status: 'Error', message: problem };
	if (secrets.previous === secrets.current) {
		return {
			status: 'Error',
			message: 'Previous secret equals the current one; clear it once the rotation is done',
		};
	}
	return {
		status: 'OK',
		message: 'Secret is set. Send a signed request to check it against the sender.',
	};
}
