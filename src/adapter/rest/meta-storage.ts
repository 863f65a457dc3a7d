import type { StorageBackend } from '../../storage/backend.js';

/**
 * The `meta` store of the storefront the adapter is attached to, or nothing. Every call
 * settles: a closed or broken storage reads as "nothing stored" and writes are dropped, so
 * the adapter carries on with what it keeps in memory.
 */
export class MetaStorage {
  private storage: Promise<StorageBackend> | null = null;

  get attached(): boolean {
    return this.storage !== null;
  }

  attach(storage: Promise<StorageBackend>): void {
    this.storage = storage;
    // A storage that fails to open is only awaited later: mark its rejection as handled now.
    storage.catch(() => {});
  }

  /** `{ ok: false }` when not attached or the read failed (then memory is the truth). */
  async get(key: string): Promise<{ ok: true; value: unknown } | { ok: false }> {
    if (!this.storage) return { ok: false };
    try {
      return { ok: true, value: await (await this.storage).get('meta', key) };
    } catch {
      return { ok: false };
    }
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.run((backend) => backend.put('meta', value, key));
  }

  async delete(key: string): Promise<void> {
    await this.run((backend) => backend.delete('meta', key));
  }

  async update(key: string, change: (current: unknown) => unknown): Promise<void> {
    await this.run((backend) => backend.update('meta', key, change).then(() => undefined));
  }

  private async run(work: (backend: StorageBackend) => Promise<void>): Promise<void> {
    if (!this.storage) return;
    try {
      await work(await this.storage);
    } catch {
      // Not stored: this page still has the value in memory.
    }
  }
}
