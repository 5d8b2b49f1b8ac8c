// What every emulated system (HubSpot, Slack, Clay) offers the server: its request handler and
// the shape its injected faults take (a HubSpot 429 looks unlike a Slack one).
import type { Ctx } from './http';

export type FaultStatus = 429 | 500 | 502 | 503;

export interface SystemApp {
	handle(ctx: Ctx): Promise<void>;
	fault(ctx: Ctx, status: FaultStatus): void;
}
