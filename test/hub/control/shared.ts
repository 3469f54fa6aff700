import { z } from 'zod';
import { notFound } from '../core/errors';
import type { Hub } from '../hub';

/** `user` / `recipient` / `actor` fields of the control API: an email or a user id. */
export const userRef = z.string().min(1).max(320);

export function resolveUser(hub: Hub, ref: string): string {
	const users = hub.state.auth.users;
	if (users[ref]) return ref;
	const email = ref.trim().toLowerCase();
	const user = Object.values(users).find((candidate) => candidate.email === email);
	if (!user) throw notFound(`User ${ref}`);
	return user.id;
}
