import { retriedReplies } from './support/retriedReplies';
import { useSession } from './support/session';

const REPLIES = 12;
const ACCEPTED_FIRST = 5;

/*
 * Issue 16 in a real n8n (each line): pressing Retry on an execution that failed part-way runs the
 * write again for every item. With Skip If Already Done the replies posted before the failure are
 * recognised and returned as skipped; without it (today's default) they are posted a second time.
 */
describe('n8n\'s Retry of a Post Reply run that failed part-way', () => {
	const session = useSession();

	it('with Skip If Already Done, the retry skips the replies already posted: each is at the Hub exactly once', async () => {
		const credential = await session.connectedCredential('Retry skip', { permissions: ['profile:read', 'discussions:read', 'discussions:write'] });
		const run = await retriedReplies(session, credential, { skip: true, replies: REPLIES, acceptedFirst: ACCEPTED_FIRST, label: 'retry with Skip If Already Done' });
		expect(run.postedBefore).toBe(ACCEPTED_FIRST);
		expect(run.failure).toMatch(/The Hub reported a conflict/);
		expect(run.retryStatus).toBe('success');
		expect(run.output.map((item) => item.content)).toEqual(run.texts);
		expect(run.output.map((item) => item.skipped)).toEqual(run.texts.map((_, index) => index < ACCEPTED_FIRST));
		expect(run.replies.map((reply) => reply.content).sort()).toEqual([...run.texts].sort());
		expect(run.mostCopies).toBe(1);
	});

	it('without it, the retry posts the replies before the failure a second time (why the option exists)', async () => {
		const credential = await session.connectedCredential('Retry plain', { permissions: ['discussions:read', 'discussions:write'] });
		const run = await retriedReplies(session, credential, { skip: false, replies: REPLIES, acceptedFirst: ACCEPTED_FIRST, label: 'retry without the option' });
		expect(run.postedBefore).toBe(ACCEPTED_FIRST);
		expect(run.failure).toMatch(/The Hub reported a conflict/);
		expect(run.retryStatus).toBe('success');
		expect(run.posted).toBe(REPLIES);
		expect(run.replies).toHaveLength(REPLIES + ACCEPTED_FIRST);
		expect(run.mostCopies).toBe(2);
	});
});
