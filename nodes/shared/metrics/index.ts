// The package's own measurements: recorded in memory per process (recorder), flushed as one row per
// flush to a store every process shares (store: folded into totals by compare-and-set), served as
// Prometheus text (exposition), summarized per window (summary) for the dashboard and alerts.
export * from './catalogue';
export * from './series';
export * from './recorder';
export * from './store';
export * from './exposition';
export * from './quantile';
export * from './summary';
export * from './alerts';
export * from './dashboard';
