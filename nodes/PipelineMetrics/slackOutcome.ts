// What n8n's Slack node reported for one message: ok, or the error code Slack answered (n8n puts
// "…: ratelimited" or the code alone under `error` when the node continues on fail).
import type { IDataObject } from 'n8n-workflow';

export function slackOutcome(json: IDataObject): string {
	const error = json.error;
	if (error === undefined || error === null || error === '')
		return json.ok === false ? 'error' : 'ok';
	const text =
		typeof error === 'string'
			? error
			: String((error as IDataObject).message ?? (error as IDataObject).description ?? 'error');
	return text.match(/([a-z][a-z_]{2,})["'\s.]*$/)?.[1] ?? 'error';
}
