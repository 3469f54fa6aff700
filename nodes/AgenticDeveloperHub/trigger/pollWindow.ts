import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** A polling workflow may take an identical read of its account fetched at most this long ago. */
export const POLL_SHARING_MAX_MS = 60_000;

/** Poll Times modes that n8n fires at most once a minute (each at a random second: n8n's toCronExpression). */
const MINUTE_OR_LONGER = new Set(['everyMinute', 'everyHour', 'everyDay', 'everyWeek', 'everyMonth']);

/** Whether a cron expression fires at most once a minute: n8n's own rule (isSubMinuteCron), for both lines. */
function isMinuteGranular(expression: unknown): boolean {
	if (typeof expression !== 'string') return false;
	const fields = expression.trim().split(/\s+/);
	return fields.length === 5 || (fields.length === 6 && /^\d+$/.test(fields[0]));
}

/** The shortest time between two polls that one Poll Times entry allows (capped at a minute); 0 when unknown. */
function entryInterval(entry: IDataObject): number {
	if (typeof entry.mode === 'string' && MINUTE_OR_LONGER.has(entry.mode)) return POLL_SHARING_MAX_MS;
	if (entry.mode === 'everyX') {
		const value = Number(entry.value);
		const unit = entry.unit === 'hours' ? 3_600_000 : entry.unit === 'minutes' ? 60_000 : 0;
		return Number.isFinite(value) && value >= 1 ? Math.min(POLL_SHARING_MAX_MS, value * unit) : 0;
	}
	if (entry.mode === 'custom') return isMinuteGranular(entry.cronExpression) ? POLL_SHARING_MAX_MS : 0;
	return 0;
}

/**
 * How old an identical read of its account a poll may take: its Poll Times' shortest interval,
 * at most a minute (so a new record shows up at most one poll later; nothing is lost or repeated,
 * as each workflow filters by its own mark). 0 (only reads sent since the poll began) when a Poll
 * Times entry polls more often than once a minute or is of a kind not known here.
 */
export function pollSharingWindowMs(context: IPollFunctions): number {
	const pollTimes = context.getNodeParameter('pollTimes', {}) as { item?: unknown };
	const entries = Array.isArray(pollTimes.item) ? (pollTimes.item as IDataObject[]) : [{ mode: 'everyMinute' }];
	return Math.min(POLL_SHARING_MAX_MS, ...entries.map(entryInterval));
}
