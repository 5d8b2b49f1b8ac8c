export { METRICS_CREDENTIAL, NodeMetrics, openMetrics, recordWebhook } from './nodeMetrics';
export { drainStarted, drainStartOf, PROCESS_ID } from './registry';
