import type { FieldProblem } from '../shared/clay';

/** What the trigger writes itself, before and instead of any execution. */
export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

/** The part of n8n's express response the trigger writes to. */
export interface WritableResponse {
	headersSent?: boolean;
	writableEnded?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: string): unknown;
}

/** Clay stores the body of a failed call in the cell: a message and one reason per field. */
export const invalidRow = (errors: FieldProblem[]): Answer => ({
	status: 422,
	body: {
		error: `invalid row: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
		fields: errors as unknown as Record<string, unknown>[],
	},
});

export const timedOut = (budgetSeconds: number): Answer => ({
	status: 504,
	body: {
		error: `enrichment timed out after ${budgetSeconds} s`,
		detail:
			'The n8n workflow is still running; its result will not reach this cell. Re-run the cell or raise the budget.',
	},
});

/** Answers once: a response already sent (by n8n or an earlier answer) is left alone. */
export function send(res: WritableResponse, answer: Answer): boolean {
	if (res.headersSent || res.writableEnded) return false;
	res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(answer.body));
	return true;
}

/**
 * After a timeout answer, n8n still answers when the execution ends and would throw "headers already sent"
 * into its error log. The late answer has nowhere to go, so this response object drops it quietly.
 */
export function ignoreLaterWrites(res: object): void {
	const target = res as Record<string, unknown>;
	const chain = () => res;
	for (const method of ['status', 'setHeader', 'writeHead', 'json', 'send', 'write', 'end'])
		target[method] = chain;
}
