import { benchHarness } from './lib/setup';
import { measureNodeOverhead } from './nodeOverhead';
import { printFigure } from './lib/report';
(async () => {
	const harness = await benchHarness();
	(await measureNodeOverhead(harness)).forEach(printFigure);
	await harness.close();
})();
