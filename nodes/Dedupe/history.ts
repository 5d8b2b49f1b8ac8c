import type { DeduplicationScope, IExecuteFunctions } from 'n8n-workflow';

export interface HistorySettings {
	scope: DeduplicationScope;
	/** Keys remembered; n8n drops the oldest beyond it. */
	size: number;
}

const queues = new Map<string, Promise<void>>();

/**
 * n8n's processed-keys store reads a workflow's history, then writes it back whole, so two executions
 * running at once can both find a key new (and the very first two can collide inserting the row). Chaining
 * the check-and-record calls per workflow closes that gap for every execution inside one n8n process, which
 * is how regular mode runs; queue mode with several workers is not covered.
 */
async function oneAtATime<T>(queue: string, task: () => Promise<T>): Promise<T> {
	const previous = queues.get(queue) ?? Promise.resolve();
	const result = previous.then(task);
	const done = result.then(
		() => undefined,
		() => undefined,
	);
	queues.set(queue, done);
	try {
		return await result;
	} finally {
		if (queues.get(queue) === done) queues.delete(queue);
	}
}

/** Records `keys` in the history and returns those an earlier execution had already recorded. */
export async function keysSeenBefore(
	context: IExecuteFunctions,
	keys: string[],
	history: HistorySettings,
): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	const { processed } = await oneAtATime(context.getWorkflow().id ?? '', () =>
		context.helpers.checkProcessedAndRecord(keys, history.scope, {
			mode: 'entries',
			maxEntries: history.size,
		}),
	);
	return new Set(processed.map(String));
}
