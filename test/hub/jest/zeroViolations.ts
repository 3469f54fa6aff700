import { Hub } from '../hub';
import { violationReport } from '../middleware/contract';

/*
 * Jest setup (setupFilesAfterEnv) of every suite that starts sandbox Hubs in-process: after each test,
 * any published-types violation a Hub of this file recorded fails that test, unless the test took it
 * with `hub.takeViolations()` (it sent bad input on purpose and said so). After all tests, the same
 * for whatever the file's hooks caused. Failures name each violation, so the Hub need not print them.
 */

Hub.violationLog = () => undefined;

function failOnViolations(when: string): void {
	const report = violationReport([...Hub.started].flatMap((hub) => hub.takeViolations()), when);
	if (report) throw new Error(report);
}

afterEach(() => failOnViolations('during this test'));
afterAll(() => failOnViolations("in this file's hooks"));
