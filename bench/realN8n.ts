import { notMeasured, type Figure } from './lib/report';

/**
 * The same 1,000 Topic Gets in a real n8n 2.41.1: this node against n8n's HTTP Request node with
 * the generic OAuth2 credential. Not measured yet: it needs a running n8n with this package
 * installed and both credentials connected, which the end-to-end setup (scripts/lib) provides
 * for its own tests but not yet as a reusable session for a benchmark.
 */
export async function measureRealN8n(): Promise<Figure[]> {
	return [
		notMeasured(
			'real n8n 2.41.1, 1,000 Topic Get: node vs HTTP Request node + generic OAuth2 credential',
			'target <= 1.00x',
			'needs a reusable real-n8n session from scripts/lib (start, install the package, connect both credentials); see bench/README.md',
		),
	];
}
