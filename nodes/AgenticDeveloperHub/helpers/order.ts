import type { IDataObject } from 'n8n-workflow';

/** Milliseconds of a row's `createdAt`; rows without a readable one sort last. */
function createdAtOf(row: IDataObject): number {
	const time = Date.parse(String(row.createdAt));
	return Number.isNaN(time) ? -Infinity : time;
}

/**
 * Rows by `createdAt`, newest first (a copy; rows created in the same millisecond keep their order).
 * The published types do not state the order of notifications, so where order matters it is ours.
 */
export function newestFirst<T extends IDataObject>(rows: T[]): T[] {
	return [...rows].sort((a, b) => createdAtOf(b) - createdAtOf(a));
}
