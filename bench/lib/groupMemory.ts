// Resident memory of a process group (n8n main + its task runner), sampled from /proc so a
// benchmark can attribute peaks to the node that ran in that window.
import * as fs from 'node:fs';

function groupPids(pgid: number): number[] {
	const pids: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// field 5 of /proc/<pid>/stat is the process group; the name (field 2) may contain spaces
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) pids.push(Number(entry));
		} catch {
			// process ended while we looked
		}
	}
	return pids;
}

function rssBytes(pid: number): number {
	try {
		const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return kb ? Number(kb[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export interface MemorySample {
	at: number;
	rss: number;
}

/** Samples the group's total RSS every `everyMs` until stop() is called. */
export function sampleGroupMemory(pgid: number, everyMs = 20): { stop(): MemorySample[] } {
	const samples: MemorySample[] = [];
	const take = () =>
		samples.push({
			at: Date.now(),
			rss: groupPids(pgid).reduce((sum, pid) => sum + rssBytes(pid), 0),
		});
	take();
	const timer = setInterval(take, everyMs);
	return {
		stop() {
			clearInterval(timer);
			take();
			return samples;
		},
	};
}

/** Peak total RSS inside [from, to], and how far it rose above the last sample before `from`. */
export function peakIn(
	samples: MemorySample[],
	from: number,
	to: number,
): { peak: number; rise: number } {
	let before = samples[0]?.rss ?? 0;
	let peak = 0;
	for (const s of samples) {
		if (s.at < from) before = s.rss;
		else if (s.at <= to) peak = Math.max(peak, s.rss);
	}
	if (peak === 0) peak = before;
	return { peak, rise: Math.max(0, peak - before) };
}
