// Optional persistence: state lives in memory and can be written to / read from one JSON file,
// so a demo can stop and resume with the same records, messages and rows.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SandboxState, Snapshot } from './state';

export function saveSnapshot(state: SandboxState, file: string): void {
	// Write then rename, so a crash mid-write never leaves half a snapshot behind.
	const tmp = `${file}.tmp`;
	writeFileSync(tmp, JSON.stringify(state.snapshot()));
	renameSync(tmp, file);
}

/** Loads the file when it exists; returns whether it did. */
export function loadSnapshot(state: SandboxState, file: string): boolean {
	if (!existsSync(file)) return false;
	state.restore(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
	return true;
}
