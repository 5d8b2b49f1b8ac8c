// Small builders shared by the sync engine's unit tests.
import type { FieldMap, SideRecord, SyncConfig } from '../../../../../nodes/shared/sync';

export const FIELDS: FieldMap[] = [
	{ name: 'name', source: 'name', target: 'name', type: 'string', toTarget: 'trim' },
	{ name: 'domain', source: 'domain', target: 'domain', type: 'string', toTarget: 'domain' },
	{ name: 'employees', source: 'numberofemployees', target: 'employee_count', type: 'number' },
	{ name: 'public', source: 'is_public', target: 'is_public', type: 'boolean' },
	{ name: 'closedAt', source: 'closedate', target: 'closed_at', type: 'timestamp' },
	{ name: 'tags', source: 'tags', target: 'tags', type: 'string' },
];

export function config(overrides: Partial<SyncConfig> = {}): SyncConfig {
	return {
		direction: 'bidirectional',
		strategy: 'last_write_wins',
		fields: FIELDS,
		match: { field: 'domain', normalize: 'domain' },
		...overrides,
	};
}

export function hs(
	id: string,
	values: Record<string, unknown>,
	updatedAt = '2024-05-01T10:00:00Z',
	deleted = false,
): SideRecord {
	return { id, values, updatedAt, deleted };
}

export function row(
	id: string,
	values: Record<string, unknown>,
	updatedAt = '2024-05-01T10:00:00Z',
	deleted = false,
): SideRecord {
	return { id, values, updatedAt, deleted };
}
