import { printFigure } from './lib/report';
import { measureRealN8n } from './realN8n';
import { measureTriggersAtScale } from './triggersAtScale';

/* `npm run bench:real-n8n`: only the real-n8n figures (node vs HTTP Request node, triggers at scale), without the in-process ones. */
async function main(): Promise<void> {
	(await measureRealN8n()).forEach(printFigure);
	(await measureTriggersAtScale()).forEach(printFigure);
}

main().catch((error: Error) => {
	process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
