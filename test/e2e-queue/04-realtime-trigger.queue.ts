/*
 * Reserved for the realtime trigger (the Hub's Server-Sent Events), which does not exist yet.
 * When the work of "Realtime: ..." has landed: activate a realtime-trigger workflow with one main
 * and two workers and prove at the sandbox Hub that exactly one stream is open (only the leader
 * main holds it), and that each event starts one execution.
 */
describe('the realtime trigger with one main and two workers', () => {
	it.todo('holds exactly one stream to the Hub (on the leader main), and each event starts one execution');
});
