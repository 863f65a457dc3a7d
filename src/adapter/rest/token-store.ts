import type { MetaStorage } from './meta-storage.js';

/**
 * The member's bearer token. Kept in the store's IndexedDB (`meta`, under
 * `rest-session:<endpoint>`) when attached, so it survives reloads and every tab of the shop
 * shares it: the widgets may be embedded on other sites, where a third-party cookie would be
 * blocked. Read from storage on every use, so a sign-in or sign-out in another tab applies
 * here too. Without storage (adapter used alone, Node) it lives in memory.
 */
export class TokenStore {
  private memory: string | undefined;

  constructor(
    private readonly storage: MetaStorage,
    private readonly key: string,
  ) {}

  async get(): Promise<string | undefined> {
    const stored = await this.storage.get(this.key);
    if (stored.ok) this.memory = typeof stored.value === 'string' && stored.value !== '' ? stored.value : undefined;
    return this.memory;
  }

  async set(token: string | undefined): Promise<void> {
    this.memory = token;
    if (token === undefined) await this.storage.delete(this.key);
    else await this.storage.put(this.key, token);
  }
}
