import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';

/*
 * Build, pack, and install the tarball the way n8n installs a community package from the
 * "Community Nodes" settings page (community-packages.service.js, downloadPackage): unpack into
 * `<user folder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` there with scripts off, and record it in `nodes/package.json`.
 */

const repoRoot = path.resolve(__dirname, '..', '..');

export const PACKAGE_NAME: string = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).name;

function npm(args: string[], cwd: string): string {
	return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function buildPackage(): void {
	npm(['run', 'build'], repoRoot);
}

/** `npm pack` into `destination`; returns the tarball's path. */
export function packPackage(destination: string): string {
	mkdirSync(destination, { recursive: true });
	const output = npm(['pack', '--json', '--pack-destination', destination], repoRoot);
	const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
	return path.join(destination, path.basename(filename));
}

/** The files the tarball holds (for a check that only `dist/` ships). */
export function tarballFiles(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
}

export function installCommunityPackage(tarball: string, userFolder: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...manifest } = JSON.parse(
		readFileSync(manifestPath, 'utf8'),
	);
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	npm(['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'], packageDir);
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2),
	);
	return packageDir;
}

/**
 * The install a Docker image or a provisioning script does (examples/docker/Dockerfile): `npm
 * install` in `<user folder>/.n8n/nodes`, leaving out peer dependencies (n8n-workflow is n8n's own;
 * a second copy beside the package would not be the one n8n runs). `spec` is a registry name or a
 * tarball. Returns the installed package's folder.
 */
export function installWithNpm(spec: string, userFolder: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	npm(['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', spec], nodesDir);
	return path.join(nodesDir, 'node_modules', PACKAGE_NAME);
}
