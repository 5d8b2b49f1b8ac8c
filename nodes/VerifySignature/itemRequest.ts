import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { getField } from '../shared/fields/getField';
import { fail, type Failure, type HeaderValue, type VerifyRequest } from '../shared/signatures';
import type { RequestFields } from './parameters';

/** One input item → the request it describes, or why it cannot be verified. */
export async function requestFromItem(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	fields: RequestFields,
): Promise<VerifyRequest | Failure> {
	const headers = getField(item.json, fields.headersField);
	const rawBody = await rawBodyOf(context, item, itemIndex, fields.body);
	if (!Buffer.isBuffer(rawBody)) return rawBody;
	return {
		method: fields.method,
		url: fields.url,
		headers:
			headers && typeof headers === 'object' && !Array.isArray(headers)
				? (headers as Record<string, HeaderValue>)
				: {},
		rawBody,
	};
}

async function rawBodyOf(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	body: RequestFields['body'],
): Promise<Buffer | Failure> {
	if (body.source === 'binary') {
		const name = body.binaryPropertyName;
		if (!item.binary?.[name]) {
			return fail(400, `no binary field "${name}": turn on Raw Body in the Webhook node's options`);
		}
		return await context.helpers.getBinaryDataBuffer(itemIndex, name);
	}
	const field = body.bodyField;
	const value = getField(item.json as IDataObject, field);
	if (typeof value === 'string') return Buffer.from(value, 'utf8');
	if (value === undefined || value === null) return fail(400, `no body in field "${field}"`);
	return fail(400, `field "${field}" holds parsed data, not the raw body text that was signed`);
}
