import type { Server } from 'node:http';

export const TYPES: Record<string, string>;
/** The file under `root` for a URL path, or null (outside `allow`, escaping root, missing). */
export function fileFor(root: string, urlPath: string, routes: Record<string, string>, allow: string[]): string | null;
export function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  routes?: Record<string, string>;
  allow?: string[];
}): Promise<Server>;
