/** Loads the very handler modules the cloud bundles, by the catalog's entry paths. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionName, functionSpec } from '../functions/catalog.js';
import { lambdaContext } from './lambda-context.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..');

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();

/** Imports a handler once (like a warm Lambda); its module-scope wiring reads process.env then. */
function loadHandler(name: FunctionName): Promise<Handler> {
  let h = loaded.get(name);
  if (!h) {
    const url = pathToFileURL(resolve(REPO_ROOT, functionSpec(name).entry)).href;
    h = import(url).then((m: { handler?: Handler }) => {
      if (typeof m.handler !== 'function') throw new Error(`${name} does not export a handler`);
      return m.handler;
    });
    loaded.set(name, h);
  }
  return h;
}

export async function invokeFunction(name: FunctionName, event: unknown): Promise<unknown> {
  const handler = await loadHandler(name);
  return handler(event, lambdaContext(name, functionSpec(name).timeoutSeconds));
}
