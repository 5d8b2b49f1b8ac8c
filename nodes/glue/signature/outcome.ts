import type { IDataObject } from 'n8n-workflow';
import type { SchemeName, VerifySuccess } from '../../shared/signatures';

/** What both nodes put under `signature` on an item: the verified metadata, or why it was refused. */
export function acceptedSignature(result: VerifySuccess): IDataObject {
	const signature: IDataObject = { verified: true, scheme: result.scheme, keyUsed: result.keyUsed };
	if (result.timestamp !== undefined) signature.timestamp = result.timestamp;
	if (result.eventId !== undefined) signature.eventId = result.eventId;
	return signature;
}

export function rejectedSignature(
	scheme: SchemeName,
	failure: { status: number; reason: string },
): IDataObject {
	return { verified: false, scheme, status: failure.status, reason: failure.reason };
}
