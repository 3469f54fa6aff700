/** One printed figure: `name: value (target)`, the format docs/performance.md quotes. */
export interface Figure {
	name: string;
	value: string;
	target: string;
	/** Whether the value meets the target; undefined when there is no target to meet. */
	met?: boolean;
}

export function figure(name: string, value: string, target: string, met?: boolean): Figure {
	return { name, value, target, met };
}

export function notMeasured(name: string, target: string, reason: string): Figure {
	return { name, value: `not measured (${reason})`, target };
}

export function printFigure(line: Figure): void {
	const verdict = line.met === undefined ? '' : line.met ? ' ok' : ' MISSED';
	process.stdout.write(`${line.name}: ${line.value} (${line.target})${verdict}\n`);
}

export function ratio(value: number, baseline: number): string {
	return `${(value / baseline).toFixed(2)}x`;
}
