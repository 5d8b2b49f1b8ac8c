// The Clay Trigger's webhook handler with the request n8n hands it: the shared secret is checked first,
// then the row; a refused row is answered by the handler itself (422 with a reason per field) and starts
// no execution, a valid one starts one with the coerced row. Also the credential checks of both Clay nodes.
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { clayApiTest } from '../../../nodes/Clay/credentialTest';
import { ClayTrigger } from '../../../nodes/ClayTrigger/ClayTrigger.node';
import { ignoreLaterWrites, send, timedOut } from '../../../nodes/ClayTrigger/rejection';

const SECRET = 'clay-shared-secret';
const node = new ClayTrigger();
const defaults = Object.fromEntries(node.description.properties.map((p) => [p.name, p.default]));

function response() {
	const sent = { status: 0, body: undefined as unknown, headersSent: false, writableEnded: false };
	const res = {
		get headersSent() {
			return sent.headersSent;
		},
		get writableEnded() {
			return sent.writableEnded;
		},
		writeHead(status: number) {
			sent.status = status;
			sent.headersSent = true;
		},
		end(body?: string) {
			sent.body = body === undefined ? undefined : JSON.parse(body);
			sent.writableEnded = true;
		},
	};
	return { res, sent };
}

async function call(
	body: unknown,
	{
		headers = { 'x-clay-webhook-secret': SECRET } as Record<string, string>,
		parameters = {} as IDataObject,
	} = {},
) {
	const { res, sent } = response();
	const text = JSON.stringify(body);
	const params = { ...defaults, ...parameters };
	const context = {
		getRequestObject: () => ({
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
			rawBody: Buffer.from(text),
		}),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) => params[name] ?? fallback,
		getCredentials: async () => ({ secret: SECRET, previousSecret: '' }),
		// The node as a workflow holds it: no RevOps Metrics API credential, so nothing is measured.
		getNode: () => ({ name: 'Clay Trigger', credentials: { webhookSecretApi: { id: '1', name: 's' } } }),
		logger: { error: () => undefined },
	} as unknown as IWebhookFunctions;
	const result = await node.webhook.call(context);
	return { result, sent };
}

const fields = {
	field: [
		{ name: 'domain', type: 'domain', required: true },
		{ name: 'employees', type: 'number', required: false },
		{ name: 'company_size', type: 'number', required: false },
	],
};

describe('Clay Trigger webhook handler', () => {
	test('a valid row starts one execution with the coerced row and is answered at once', async () => {
		const { result, sent } = await call(
			{ domain: 'Acme.com', employees: '1,200', note: 'N/A' },
			{ parameters: { fields } },
		);
		expect(result).toEqual({
			webhookResponse: { received: true },
			workflowData: [
				[{ json: { domain: 'acme.com', employees: 1200, note: 'N/A' }, pairedItem: { item: 0 } }],
			],
		});
		expect(sent.status).toBe(0);
	});

	test('an invalid row gets 422 with a reason per field and starts nothing', async () => {
		const { result, sent } = await call(
			{ domain: 'not a domain', employees: 'lots' },
			{ parameters: { fields } },
		);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent).toMatchObject({
			status: 422,
			body: {
				error:
					'invalid row: domain expected a domain such as acme.com (no scheme or path); employees expected a number',
				fields: [
					{ field: 'domain', reason: 'expected a domain such as acme.com (no scheme or path)' },
					{ field: 'employees', reason: 'expected a number' },
				],
			},
		});
	});

	test.each([
		['a missing secret header', {}, 'missing header x-clay-webhook-secret'],
		['a wrong secret', { 'x-clay-webhook-secret': 'guess' }, 'signature mismatch'],
	])('%s is refused with 401 before the row is looked at', async (_, headers, error) => {
		const { result, sent } = await call({ domain: 'nope' }, { headers, parameters: { fields } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent).toMatchObject({ status: 401, body: { error } });
	});

	test('a field declared twice is reported to Clay as a configuration error (500), not blamed on the row', async () => {
		const twice = { field: [...fields.field, { name: 'domain', type: 'string', required: false }] };
		const { result, sent } = await call({ domain: 'acme.com' }, { parameters: { fields: twice } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent).toMatchObject({
			status: 500,
			body: { error: 'Clay Trigger is misconfigured: Field "domain" is declared twice' },
		});
	});

	test('a body that is not one object is refused with 400', async () => {
		const { sent } = await call([{ domain: 'acme.com' }]);
		expect(sent).toMatchObject({
			status: 400,
			body: { error: 'expected one JSON object per row' },
		});
	});

	test('flattening lifts enrichment_data before validation', async () => {
		const { result } = await call(
			{ domain: 'acme.com', enrichment_data: { company: { size: '120' } } },
			{ parameters: { fields, flatten: true } },
		);
		expect((result.workflowData as IDataObject[][])[0][0]).toEqual({
			json: { domain: 'acme.com', company_size: 120 },
			pairedItem: { item: 0 },
		});
	});

	test('enrichment mode leaves the answer to n8n (last node) with the budget racing it', async () => {
		const { result, sent } = await call(
			{ domain: 'acme.com' },
			{ parameters: { responseMode: 'lastNode', responseBudgetSeconds: 0.05 } },
		);
		expect(result.webhookResponse).toBeUndefined();
		expect(result.workflowData).toHaveLength(1);
		await new Promise((r) => setTimeout(r, 100));
		expect(sent).toMatchObject({
			status: 504,
			body: { error: 'enrichment timed out after 0.05 s' },
		});
	});
});

describe('timeout answer', () => {
	test('answers once; n8n’s late answer on the same response is dropped without throwing', () => {
		const { res, sent } = response();
		expect(send(res, timedOut(5))).toBe(true);
		ignoreLaterWrites(res);
		const late = res as unknown as { status(code: number): { json(body: unknown): unknown } };
		expect(() => late.status(200).json({ late: true })).not.toThrow();
		expect(sent.status).toBe(504);
		expect(send(res, timedOut(5))).toBe(false);
	});
});

describe('Clay credential test', () => {
	const test_ = (data: Record<string, string>) =>
		clayApiTest.call({} as never, { id: '1', name: 'Clay', type: 'clayApi', data });
	test('accepts a clean token, explains an empty one, refuses pasted whitespace', async () => {
		expect(await test_({ webhookAuthToken: 'abc' })).toMatchObject({ status: 'OK' });
		expect(await test_({})).toEqual({
			status: 'OK',
			message: 'No webhook auth token: only sources without a token will accept rows.',
		});
		expect(await test_({ webhookAuthToken: ' abc\n' })).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/whitespace/),
		});
	});
});
