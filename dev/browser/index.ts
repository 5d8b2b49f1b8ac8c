// Headless Chromium for the browser test (test/e2e/editor.test.ts): the Debian package, installed by
// install.sh when missing, driven through playwright-core (which ships no browser of its own).
import { runInstaller } from '../services';
import * as path from 'node:path';

let chromiumPath: string | undefined;

/** Installs Chromium when missing (once per process) and returns its executable's path. */
export function ensureChromium(): string {
	chromiumPath ??= runInstaller(path.join(__dirname, 'install.sh'));
	return chromiumPath;
}
