import { validationError } from '../core/errors';
import { pageParams, paginate, type HubRequest } from '../core/http';
import type { Reply } from '../core/router';
import type { Hub } from '../hub';
import { idSchema } from './world';

/** Shared bits of the resource route handlers. */

export const json = (body: unknown, status = 200): Reply => ({ status, body });

export const noContent = (): Reply => ({ status: 204 });

/** An optional id in the query string: at most 36 characters, else 400 naming it. */
export function queryId(req: HubRequest, name: string): string | undefined {
	const value = req.query.get(name);
	if (value === null || value === '') return undefined;
	if (!idSchema.safeParse(value).success) throw validationError(name, `${name} must be an id of at most 36 characters`);
	return value;
}

/**
 * `?page=&pageSize=` of a list route: its default, and its maximum lowered to the `maxPageSize`
 * setting when that is smaller (a Hub that serves fewer than asked, hub-api.md section 5 item 9).
 */
export function listPage(hub: Hub, req: HubRequest, defaultSize: number, routeMaximum: number): { page: number; pageSize: number } {
	return pageParams(req.query, defaultSize, hub.pageSizeLimit(routeMaximum));
}

/** One page of an already ordered list, and whether more follow it. */
export function pageOf<T>(items: T[], page: number, pageSize: number): { items: T[]; hasMore: boolean } {
	return { items: paginate(items, page, pageSize), hasMore: items.length > page * pageSize };
}

/** The caller's user id, once the token checked out with `integrations:manage`. */
export function authenticateManage(hub: Hub, req: HubRequest): string {
	return hub.authenticate(req, 'integrations:manage').userId;
}
