// A durable work queue around a store n8n already has (a Data Table, or the user's PostgreSQL): intake
// writes a row and only then answers; drains claim due rows atomically, settle each outcome, retry with
// backoff, park dead letters and purge. Pure: the store calls are n8n's own nodes in the templates.
export * from './settings';
export * from './records';
export * from './claim';
export * from './settle';
export * from './storeErrors';
export * from './report';
export * from './usage';
