/** Names this run so its teardown stops only the processes this run started (see dev/harness/processes.ts). */
export default async function setup(): Promise<void> {
	process.env.REVOPS_RUN_ID = `run-${process.pid}-${Date.now()}`;
}
