import { measureNodeOverhead } from './nodeOverhead';
import { measurePagination } from './pagination';
import { measureRealN8n } from './realN8n';
import { measureRealtimeTrigger } from './realtimeTrigger';
import { measureSkipIfDone } from './skipIfDone.bench';
import { printFigure, type Figure } from './lib/report';
import { violationReport } from '../test/hub/middleware/contract';
import { benchHarness } from './lib/setup';
import { WireMeter } from './lib/traffic';
import { measureTokenLifecycle } from './tokenLifecycle';
import { measureTriggersAtScale } from './triggersAtScale';
import { measureIdlePolls } from './triggerPoll';

/*
 * `npm run bench`: every figure as `name: value (target)`, each ratio measured against its
 * baseline within this one run (warm-up first, then the median of several repetitions). Nothing
 * here is a test: a missed target is printed ("MISSED"), and the exit code stays 0 unless the
 * benchmark itself could not run, or a sandbox Hub recorded a violation of the Hub's published types.
 */
async function main(): Promise<void> {
	const harness = await benchHarness();
	// Before any traffic: the meter only sees connections opened after it starts.
	const meter = new WireMeter(harness.hub);
	const print = (figures: Figure[]) => figures.forEach(printFigure);
	try {
		print(await measureIdlePolls(harness, meter));
		print(await measureNodeOverhead(harness));
		print(await measureTokenLifecycle(harness));
		print(await measurePagination(harness));
		print(await measureSkipIfDone(harness));
		print(await measureRealN8n());
		print(await measureRealtimeTrigger());
		print(await measureTriggersAtScale());
	} finally {
		meter.stop();
		await harness.close();
	}
	const violations = violationReport(harness.hub.takeViolations(), 'during the benchmarks');
	if (violations) {
		process.stderr.write(`${violations}\n`);
		process.exitCode = 1;
	}
}

main().catch((error: Error) => {
	process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
