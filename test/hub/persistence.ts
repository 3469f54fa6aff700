import { existsSync, readFileSync, renameSync, writeFileSync } from 'fs';
import type { HubState } from './state';

/** The state kept in `file`, or undefined when there is none yet. */
export function loadState(file: string): HubState | undefined {
	if (!existsSync(file)) return undefined;
	return JSON.parse(readFileSync(file, 'utf8')) as HubState;
}

/** Writes atomically, so a sandbox killed mid-write never leaves a torn state file. */
export function saveState(file: string, state: HubState): void {
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(state));
	renameSync(temporary, file);
}
