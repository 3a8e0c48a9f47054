// Mozilla's addons-linter on the Firefox package: the manifest and code Firefox would receive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import linter from 'addons-linter';
import { ROOT } from './harness.js';

test('addons-linter reports no errors on dist/lucid-firefox.zip', async () => {
  const zip = path.join(ROOT, 'dist', 'lucid-firefox.zip');
  assert.ok(existsSync(zip), 'dist/lucid-firefox.zip is missing: run ./build.sh first');
  const instance = linter.createInstance({
    config: { _: [zip], logLevel: 'fatal', stack: true, pretty: false, output: 'none', metadata: false, selfHosted: false },
    runAsBinary: false,
  });
  const report = await instance.run();
  const describe = (list) => list.map((m) => `${m.code}: ${m.message} (${m.file ?? ''})`).join('\n');
  assert.equal(report.errors.length, 0, describe(report.errors));
  if (report.warnings.length) console.log(`addons-linter warnings:\n${describe(report.warnings)}`);
});
