import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_MAJOR } from '../../infra/bundling.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('one runtime everywhere', () => {
  it('runs the tests on the Node major Lambda runs (the pinned `node` devDependency)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(NODE_MAJOR);
  });

  it('pins that major in package.json and .nvmrc', () => {
    expect(pkg.devDependencies.node?.startsWith(`${NODE_MAJOR}.`)).toBe(true);
    expect(pkg.engines.node).toBe(`${NODE_MAJOR}.x`);
    expect(readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim()).toBe(String(NODE_MAJOR));
  });
});
