import type { IWebhookFunctions } from 'n8n-workflow';
import { verifySignature, type VerifyResult } from '../../shared/signatures';
import { readRawBody, toVerifyRequest, type IncomingRequest } from '../inboundRequest';
import { CREDENTIAL_TYPE, secretsFrom } from './credentials';
import type { SignatureParameters } from './parameters';

/**
 * A request to a trigger, checked against its signature parameters: the body limit first (an oversized or
 * unreadable body is refused before the credential is read), then the signature with the current and
 * previous secrets. `baseUrl` is what URL-signing schemes sign (see toVerifyRequest).
 */
export async function verifyInbound(
	context: IWebhookFunctions,
	req: IncomingRequest,
	signature: SignatureParameters,
	baseUrl: string | (() => string),
): Promise<VerifyResult> {
	const rawBody = await readRawBody(req, signature.verify.maxBodyBytes);
	if (!Buffer.isBuffer(rawBody)) return rawBody;
	const secrets = secretsFrom(await context.getCredentials(CREDENTIAL_TYPE));
	return verifySignature(signature.scheme, toVerifyRequest(req, rawBody, baseUrl), {
		...signature.verify,
		secrets,
	});
}
