// This process's recorders, one per metrics credential (two credentials may point at two intakes), and
// the start times of drains running in this process. Module state on purpose: measurements are
// aggregated in memory and leave the process only in a flush; an execution runs wholly in one process
// (queue mode included), so a drain's start and its settle meet here.
import { randomUUID } from 'node:crypto';
import { MetricsRecorder } from '../../shared/metrics';

/** One id per n8n process start, so the store tells processes apart. */
export const PROCESS_ID = randomUUID().slice(0, 8);

const recorders = new Map<string, MetricsRecorder>();

export function recorderFor(credentialId: string, now: number): MetricsRecorder {
	let recorder = recorders.get(credentialId);
	if (!recorder) {
		recorder = new MetricsRecorder(PROCESS_ID, now);
		recorders.set(credentialId, recorder);
	}
	return recorder;
}

const drainStarts = new Map<string, number>();
const MAX_OPEN_DRAINS = 1000;

export function drainStarted(executionId: string, at: number): void {
	// An execution that never reaches its settle (it failed) leaves its entry: keep the map bounded.
	if (drainStarts.size >= MAX_OPEN_DRAINS) drainStarts.delete(drainStarts.keys().next().value!);
	drainStarts.set(executionId, at);
}

export function drainStartOf(executionId: string): number | undefined {
	const at = drainStarts.get(executionId);
	drainStarts.delete(executionId);
	return at;
}
