import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

function problemWith(label: string, value: unknown): string | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	if (value.trim() !== value)
		return `${label} starts or ends with whitespace; paste it without spaces or line breaks`;
	if (/\s/.test(value)) return `${label} contains whitespace; copy it again from Clay`;
	return undefined;
}

/**
 * Local checks only: the one remote check for a webhook token is a real submission, which would add a row
 * to the table and count against the source's 50,000. It catches what makes every push fail with 401.
 */
export async function clayApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const problem = problemWith('Webhook auth token', data.webhookAuthToken);
	if (problem) return { status: 'Error', message: problem };
	if (!data.webhookAuthToken) {
		return {
			status: 'OK',
			message: 'No webhook auth token: only sources without a token will accept rows.',
		};
	}
	return { status: 'OK', message: 'Token is set. Push one row to check it against the source.' };
}
