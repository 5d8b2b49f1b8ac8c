// The node's parameters as typed settings.
import type { IExecuteFunctions } from 'n8n-workflow';
import type { Thresholds } from '../shared/metrics';

export const WINDOWS_MS: Record<string, number> = { hour: 3_600_000, day: 86_400_000 };

export function readWindowMs(context: IExecuteFunctions): number {
	return WINDOWS_MS[String(context.getNodeParameter('window', 0, 'hour'))] ?? WINDOWS_MS.hour;
}

export function readThresholds(context: IExecuteFunctions): Thresholds {
	const n = (name: string, fallback: number) => Number(context.getNodeParameter(name, 0, fallback));
	return {
		errorRatePercent: n('errorRatePercent', 5),
		p95Seconds: n('p95Seconds', 2),
		rateLimitedPercent: n('rateLimitedPercent', 2),
		backlogAgeSeconds: n('backlogAgeSeconds', 600),
		minCalls: n('minCalls', 20),
	};
}
