import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_QUEUE_SETTINGS, settingsProblems, type QueueSettings } from '../shared/queue';

/** Queue settings from the parameters this operation shows (the rest keep their defaults). */
export function readSettings(context: IExecuteFunctions): QueueSettings {
	const number = (name: keyof QueueSettings) =>
		Number(context.getNodeParameter(name, 0, DEFAULT_QUEUE_SETTINGS[name]));
	const settings: QueueSettings = {
		leaseSeconds: number('leaseSeconds'),
		maxAttempts: number('maxAttempts'),
		backoffSeconds: number('backoffSeconds'),
		maxBackoffSeconds: number('maxBackoffSeconds'),
		batchSize: number('batchSize'),
		retentionHours: number('retentionHours'),
	};
	const problems = settingsProblems(settings);
	if (problems.length)
		throw new NodeOperationError(context.getNode(), problems[0], {
			description: problems.join('\n'),
		});
	return settings;
}

export function readKeyFields(context: IExecuteFunctions): string[] {
	return String(context.getNodeParameter('keyFields', 0, ''))
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
}

/** The drain token, required: without it no row can be told apart from another drain's. */
export function readToken(context: IExecuteFunctions): string {
	const token = String(context.getNodeParameter('drainRun', 0, '') ?? '').trim();
	if (!token)
		throw new NodeOperationError(context.getNode(), 'Drain Run is empty', {
			description:
				'Set it to the token of this run’s "Start a Drain" node, e.g. {{ $(\'Start drain\').first().json.token }}',
		});
	return token;
}
