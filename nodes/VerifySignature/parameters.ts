import type { IExecuteFunctions } from 'n8n-workflow';
import { readSignatureParameters, type SignatureParameters } from '../glue/signature';

/** Where an item holds the request to verify. */
export interface RequestFields {
	/** The raw body: a binary field (the Webhook node's Raw Body option) or a text field. */
	body: { source: 'binary'; binaryPropertyName: string } | { source: 'field'; bodyField: string };
	headersField: string;
	method: string;
	url: string;
}

export interface VerifySignatureParameters {
	signature: SignatureParameters;
	request: RequestFields;
}

/** One item's parameters (each may be an expression of the item) → the scheme's settings and where the request is. */
export function readParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): VerifySignatureParameters {
	const read = <T>(name: string, fallback: T) =>
		context.getNodeParameter(name, itemIndex, fallback) as T;
	const body: RequestFields['body'] =
		read('bodySource', 'binary') === 'binary'
			? { source: 'binary', binaryPropertyName: read('binaryPropertyName', 'data') }
			: { source: 'field', bodyField: read('bodyField', 'rawBody') };
	return {
		signature: readSignatureParameters(read),
		request: {
			body,
			headersField: read('headersField', 'headers'),
			method: read('method', 'POST') || 'POST',
			url: read('url', ''),
		},
	};
}
