// n8n-core loads isolated-vm lazily for its sandboxed expression engine, which the tests never
// select. Failing loudly beats a silent half-working stand-in.
throw new Error('isolated-vm is stubbed in this repository (see test/stubs/isolated-vm/package.json)');
