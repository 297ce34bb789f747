import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedWith } from '../../helpers/serverProcess.ts';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('how the server is started', () => {
  it('npm start serves the build exactly as npm run serve does, and tests and benches use the same flags', () => {
    expect(pkg.scripts.start).toBe(`npm run build && ${pkg.scripts.serve}`);
    // V8 starts its first full collection at 256 MB of old space rather than a few MB (docs/DECISIONS.md).
    expect(servedWith()).toContain('--initial-old-space-size=256');
  });
});
