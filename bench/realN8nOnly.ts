import { printFigure } from './lib/report';
import { measureRealN8n } from './realN8n';

/* `npm run bench:real-n8n`: only the real-n8n figures (node vs n8n's HTTP Request node), without the in-process ones. */
measureRealN8n()
	.then((figures) => figures.forEach(printFigure))
	.catch((error: Error) => {
		process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
		process.exit(1);
	});
