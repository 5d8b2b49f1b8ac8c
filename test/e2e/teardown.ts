import { killRecorded } from '../../dev/harness';

/** Whatever a failed or interrupted e2e test left running is stopped here. */
export default async function teardown(): Promise<void> {
	const killed = killRecorded();
	if (killed) process.stderr.write(`e2e teardown: stopped ${killed} stray process group(s)\n`);
}
