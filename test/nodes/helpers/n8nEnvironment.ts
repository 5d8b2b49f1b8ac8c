// Imported before n8n-core: n8n-core's InstanceSettings creates `<N8N_USER_FOLDER>/.n8n/config` with an
// encryption key the first time a node runs. Pointing it at a throwaway folder keeps node tests from writing
// into the home directory of whoever runs them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

if (!process.env.N8N_USER_FOLDER) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-node-tests-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_ENCRYPTION_KEY ??= 'node-tests-encryption-key';
// n8n logs every node error it reports; the tests assert on those errors instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
