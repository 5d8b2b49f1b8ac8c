/**
 * How full n8n's Data Tables are. n8n caps all Data Tables of an instance together
 * (`N8N_DATA_TABLES_MAX_SIZE_BYTES`: 200 MiB in 2.x, 50 MiB in 1.x); at the cap every insert and update is
 * refused, so intake answers 503 and drains stop. Read from n8n's public API (GET /api/v1/data-tables, which
 * reports each table's size), this says so well before, with what to do.
 */
export interface TableSize {
	name: string;
	sizeBytes: number;
}

export type UsageLevel = 'ok' | 'warn' | 'full';

export interface StoreUsage {
	level: UsageLevel;
	totalBytes: number;
	capBytes: number;
	percent: number;
	/** The largest tables first (up to three), to say where the space went. */
	largest: TableSize[];
	/** Same level and hour → same key: one alert per level and hour is enough. */
	alertKey: string;
	message: string;
	action: string;
}

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 2 : 1)} MiB`;

/** Tables from the API's answer: its pages (`{data: [...]}`) or the tables as separate items. */
export function tablesFrom(items: ReadonlyArray<Record<string, unknown>>): TableSize[] {
	const tables: TableSize[] = [];
	const add = (value: unknown) => {
		if (!value || typeof value !== 'object') return;
		const { name, sizeBytes } = value as Record<string, unknown>;
		if (typeof name === 'string' && Number.isFinite(Number(sizeBytes)))
			tables.push({ name, sizeBytes: Number(sizeBytes) });
	};
	for (const item of items) {
		if (Array.isArray(item.data)) item.data.forEach(add);
		else add(item);
	}
	return tables;
}

export function storeUsage(
	tables: readonly TableSize[],
	capBytes: number,
	warnPercent: number,
	nowMs: number,
): StoreUsage {
	const totalBytes = tables.reduce((sum, table) => sum + table.sizeBytes, 0);
	const percent = capBytes > 0 ? Math.round((totalBytes / capBytes) * 1000) / 10 : 0;
	const level: UsageLevel = percent >= 100 ? 'full' : percent >= warnPercent ? 'warn' : 'ok';
	const largest = [...tables].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 3);
	const where = largest.map((table) => `${table.name} ${mib(table.sizeBytes)}`).join(', ');
	const message = `n8n's data tables use ${mib(totalBytes)} of ${mib(capBytes)} (${percent} %)${where ? `; largest: ${where}` : ''}`;
	const action =
		level === 'full'
			? 'Intake is refusing rows (503) and drains cannot write. Raise N8N_DATA_TABLES_MAX_SIZE_BYTES and restart n8n, or delete rows you do not need (done rows, old tables); then the drains catch up.'
			: level === 'warn'
				? 'Before the cap is reached: shorten the drain’s Keep Done Rows, delete tables or rows you do not need, or raise N8N_DATA_TABLES_MAX_SIZE_BYTES (and this check’s cap) and restart n8n. For larger volumes use the PostgreSQL queue (workflows/sql/01-revops-queue.sql).'
				: '';
	return {
		level,
		totalBytes,
		capBytes,
		percent,
		largest,
		alertKey: `${level}:${new Date(nowMs).toISOString().slice(0, 13)}`,
		message,
		action,
	};
}
