import { Hub } from '../hub';
import { describeRecorded } from '../middleware/contract';

/*
 * Jest setup (setupFilesAfterEnv) of every suite that starts sandbox Hubs in-process: after each test,
 * any published-types violation a Hub of this file recorded fails that test, unless the test took it
 * with `hub.takeViolations()` (it sent bad input on purpose and said so). After all tests, the same
 * for whatever the file's hooks caused. Failures name each violation, so the Hub need not print them.
 */

Hub.violationLog = () => undefined;

function failOnViolations(when: string): void {
	const found = [...Hub.started].flatMap((hub) => hub.takeViolations());
	if (found.length === 0) return;
	throw new Error(`The sandbox Hub recorded ${found.length} published-types violation(s) ${when} that no test expected:\n${describeRecorded(found)}`);
}

afterEach(() => failOnViolations('during this test'));
afterAll(() => failOnViolations("in this file's hooks"));
