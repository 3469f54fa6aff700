/** The words of the seed data: realistic, deterministic, and searchable by tests. */

export const MAIN_COMMUNITY = {
	slug: 'agentic-builders',
	name: 'Agentic Builders',
	description: 'People building AI agents and automations on the Agentic Developer Hub.',
	isPublic: true,
};

export const MAIN_CATEGORIES = [
	{ slug: 'announcements', name: 'Announcements' },
	{ slug: 'help', name: 'Help & questions' },
	{ slug: 'show-and-tell', name: 'Show and tell' },
	{ slug: 'workflow-recipes', name: 'Workflow recipes' },
];

export const SIDE_COMMUNITY = {
	slug: 'n8n-node-makers',
	name: 'n8n Node Makers',
	description: 'A small circle writing community nodes for n8n.',
	isPublic: false,
};

export const SIDE_CATEGORIES = [{ slug: 'general', name: 'General' }];

/** [category slug, title, opening post]; the first one becomes the 250+ post thread. */
export const MAIN_TOPICS: Array<[string, string, string]> = [
	['help', 'Long-running agent loop: share your retry strategies', 'Our agent loop calls four tools per turn. When one of them times out, what do you retry, and how do you keep it **idempotent**?'],
	['announcements', 'Welcome to Agentic Builders: read this first', 'Introduce yourself in this thread, and please read the community guidelines before posting.'],
	['announcements', 'Hub API: OAuth 2.0 with PKCE is now available', 'Apps can now use the authorization code flow with PKCE. Personal API tokens keep working.'],
	['help', 'Webhook signature verification fails behind a proxy', 'My reverse proxy rewrites the body and the HMAC check fails. Has anyone solved this?'],
	['workflow-recipes', 'Recipe: triage support email with an agent and a human in the loop', 'The agent drafts a reply, a human approves it in Slack, then the reply goes out through Mailgun.'],
	['show-and-tell', 'I built a standup bot that reads our GitHub activity', 'Every morning it summarises merged pull requests and open reviews per person.'],
	['help', 'How do I paginate the topics endpoint without missing items?', 'New topics appear while I page through. Should I page by lastActivityAt instead?'],
	['workflow-recipes', 'Recipe: nightly digest of unread notifications', 'A schedule trigger, the unread-count endpoint, and an email. Twelve lines of configuration.'],
	['show-and-tell', 'Voice notes to structured tasks with Whisper and an agent', 'Record a voice memo, get tasks in your tracker with owners and due dates.'],
	['help', 'Refresh token rotation: my second request fails with invalid_grant', 'Two workflows share one credential and both refresh at the same time. One of them always loses.'],
	['announcements', 'Community call on Thursday: agent evaluation', 'We will look at three ways to evaluate agents in production. Bring your questions.'],
	['workflow-recipes', 'Recipe: post release notes to Bluesky from a GitHub release', 'Uses the Bluesky integration with an app password, triggered by a GitHub release webhook.'],
	['help', 'Rate limited (429) when syncing 5,000 contacts', 'I get rate_limited after a few hundred requests. How long should I wait between batches?'],
	['show-and-tell', 'A dashboard for agent tool calls, built in a weekend', 'It charts latency and failures per tool, fed by the action logs.'],
	['help', 'Direct messages: how do read markers work?', 'If I mark message 40 as read, are messages 1 to 39 read too?'],
	['workflow-recipes', 'Recipe: SMS alert when a topic gets no answer in 24 hours', 'Poll topics, check replyCount and answeredPostId, and send an SMS through Twilio.'],
	['show-and-tell', 'Open-sourced our prompt regression test suite', 'It replays recorded conversations against new prompts and diffs the tool calls.'],
	['help', 'Markdown tables do not render in posts', 'Tables show up as plain pipes. Is GitHub-flavoured markdown supported?'],
	['announcements', 'Scheduled maintenance on Saturday 06:00 UTC', 'The Hub will be read-only for about twenty minutes.'],
	['workflow-recipes', 'Recipe: mirror forum mentions into a team chat', 'Filter notifications by community_mention and forward them with a link to the post.'],
	['help', 'Best way to store conversation memory between runs?', 'Static data, an external database, or the Hub itself? What has worked for you?'],
	['show-and-tell', 'Agent that answers questions from our runbooks', 'Retrieval over our runbooks with citations; on-call loves it.'],
	['help', 'Idempotency keys: same key, different body returns 409', 'Is that expected? I reuse the key when a user edits the message before resending.'],
	['workflow-recipes', 'Recipe: welcome new members with a direct message', 'When someone joins, send them a short DM with links to the best threads.'],
	['show-and-tell', 'Tiny CLI to export a topic thread as markdown', 'Handy for writing up decisions after a long discussion.'],
	['help', 'Which scopes does a read-only integration need?', 'I only read topics and notifications. Is discussions:read enough?'],
];

export const SIDE_TOPICS: Array<[string, string, string]> = [
	['general', 'Declarative vs programmatic style for a new node', 'For a REST API with a dozen operations, which style do you start with?'],
	['general', 'Testing nodes against a sandbox instead of mocks', 'A small fake server has caught more bugs for us than nock fixtures.'],
	['general', 'Lint rules that bite when publishing community nodes', 'The scanner rejects setTimeout and console in nodes. What else surprised you?'],
	['general', 'Icons: light and dark SVG variants', 'How do you keep the two variants in sync?'],
];

export const REPLIES = [
	'Thanks, this is exactly what I was looking for.',
	'We ran into the same thing last month. Retrying with exponential backoff fixed it for us.',
	'Could you share the workflow JSON? I would like to try it.',
	'+1, we see this too since the last release.',
	'Have you tried sending an Idempotency-Key with the POST? That made our retries safe.',
	'I wrote up our approach in a gist; the short version is: keep the state outside the agent.',
	'This works, but watch out for the rate limit when you run it for every item.',
	'Great write-up. One question: how do you handle the token expiring mid-run?',
	'Marking this as solved, the proxy was stripping the header.',
	'We moved this to a schedule trigger and it has been stable for weeks.',
	'Nice! The webhook part was the tricky bit for us as well.',
	'Small correction: pageSize is clamped to 100 on that route.',
];

export const DIRECT_MESSAGES = [
	'Morning! Did you see the thread about retry strategies?',
	'Yes, I added our backoff numbers there.',
	'Can you review my workflow before I share it?',
	'Sure, send me the link.',
	'Here it is: the one with the Twilio alert.',
	'Looks good. I would add a filter for pinned topics.',
	'Good idea, done.',
	'Are you joining the community call on Thursday?',
	'Wouldn\'t miss it.',
	'I pushed the fix for the pagination bug.',
];

export const EMOJIS = ['👍', '🎉', '❤️', '🚀', '👀'];
