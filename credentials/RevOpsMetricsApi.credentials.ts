import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Where the package's nodes send what they measured (calls, webhooks, queues): the URL of template 10's
 * metrics intake and its bearer token. Optional on every node that records; a node without it records
 * nothing. Each n8n process flushes what it aggregated at most once per Flush Interval, as one request.
 */
export class RevOpsMetricsApi implements ICredentialType {
	name = 'revOpsMetricsApi';

	displayName = 'RevOps Metrics API';

	icon = { light: 'file:revopsMetrics.svg', dark: 'file:revopsMetrics.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-revops/n8n-nodes-revops#metrics';

	properties: INodeProperties[] = [
		{
			displayName: 'Intake URL',
			name: 'url',
			type: 'string',
			default: 'http://localhost:5678/webhook/revops-metrics-intake',
			placeholder: 'https://n8n.example.com/webhook/revops-metrics-intake',
			description: 'Production URL of the Metrics intake webhook in template 10 (Pipeline metrics)',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Bearer token the intake webhook’s Header Auth credential expects (Authorization: Bearer …)',
		},
		{
			displayName: 'Flush Interval (Seconds)',
			name: 'flushSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description:
				'A process sends what it measured at most this often (0: after every node run and webhook request)',
		},
	];

	// A function, not an expression: a flush may still be running after its node run or webhook request
	// ended, when n8n 2.x has released the workflow's expression engine (an expression here would fail with
	// "No bridge acquired for this context", and a process's last figures would never arrive).
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.token)}` },
		};
	}

	// An empty snapshot: the intake answers it without storing anything.
	test: ICredentialTestRequest = {
		request: {
			url: '={{$credentials.url}}',
			method: 'POST',
			body: { v: 1, process: 'credential-test', from: 0, to: 0, series: [] },
			json: true,
		},
	};
}
