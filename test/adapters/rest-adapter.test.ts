import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/adapter/rest/rest-adapter.js';
import { newsletterTokenFromMail, testAdapter, type ConformanceFixtures, type ConformanceMail } from './conformance.js';

/*
 * The conformance suite against a RestAdapter talking to the real reference server, which
 * web-test-runner starts (restServerPlugin) with a fresh PGlite data folder and the demo seed.
 */
interface ServerInfo {
  serverUrl: string | null;
  apiUrl: string | null;
  staffToken: string;
  serverError: string | null;
}
const serverModule: string = '/__server.js';
const server = (await import(serverModule)) as ServerInfo;

async function staff<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.apiUrl}/staff${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${server.staffToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`staff ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

interface OutboxMail extends ConformanceMail {
  to: string;
  createdAt: number;
}

async function mailTo(address: string): Promise<OutboxMail[]> {
  const { items } = await staff<{ items: OutboxMail[] }>('GET', `/mail?to=${encodeURIComponent(address)}`);
  return [...items].sort((a, b) => b.createdAt - a.createdAt);
}

async function mailedToken(email: string, list: string, kind: 'confirm' | 'unsubscribe'): Promise<string> {
  const mails = await mailTo(email);
  const listId = (mail: OutboxMail) => Object.entries(mail.headers).find(([name]) => name.toLowerCase() === 'list-id')?.[1];
  const mail = mails.find((candidate) => listId(candidate)?.startsWith(`<${list}.`)) ?? mails[0];
  const token = mail && newsletterTokenFromMail(mail.text, kind);
  if (!token) throw new Error(`no ${kind} link mailed to ${email} for ${list}`);
  return token;
}

/** A delivered sample order of the seed and a contact it can be tracked with (read as staff). */
async function knownOrder(): Promise<{ number: string; contact: string } | undefined> {
  const { items } = await staff<{ items: { number: string; status: string; contact: string | string[] }[] }>(
    'GET',
    '/orders?status=delivered&limit=5',
  );
  const order = items.find((item) => item.status === 'delivered') ?? items[0];
  if (!order) return undefined;
  return { number: order.number, contact: Array.isArray(order.contact) ? order.contact[0]! : order.contact };
}

if (!server.apiUrl) {
  describe('adapter conformance: rest (reference server)', () => {
    it('starts the reference server', () => {
      expect.fail(`The reference server did not start:\n${server.serverError}`);
    });
  });
} else {
  const fixtures: ConformanceFixtures = {
    catalog: { sku: 'CC-TEE-001', titleFragment: '纯棉短袖', series: 'cloud-cotton', category: 'tops' },
    order: await knownOrder().catch((error: unknown) => {
      console.warn('No sample order from the staff API:', error);
      return undefined;
    }),
    guestbook: { topic: 'product:SI-BUD-001' },
    member: { email: 'member@example.com', password: 'demo1234' },
    newsletterList: 'news',
    readConfirmationToken: (email, list) => mailedToken(email, list, 'confirm'),
    readUnsubscribeToken: (email, list) => mailedToken(email, list, 'unsubscribe'),
    readMail: mailTo,
    staff: {
      moderateGuestbook: async (id, change) => void (await staff('PATCH', `/guestbook/${encodeURIComponent(id)}`, change)),
    },
  };

  testAdapter('rest (reference server)', () => new RestAdapter({ endpoint: server.apiUrl!, timeout: 15_000 }), fixtures);

  describe('rest adapter against the reference server', () => {
    it('revalidates the catalog with its ETag (304) and answers the same page', async () => {
      const seen: number[] = [];
      const fetchAndRecord = async (input: string, init: RequestInit) => {
        const response = await fetch(input, init);
        seen.push(response.status);
        return response;
      };
      const adapter = new RestAdapter({ endpoint: server.apiUrl!, fetch: fetchAndRecord });
      const first = await adapter.catalog.list({ pageSize: 5 });
      const second = await adapter.catalog.list({ pageSize: 5 });
      expect(second).to.deep.equal(first);
      expect(seen).to.deep.equal([200, 304]);
    });

    it('sends a visit beacon the server counts', async () => {
      const topic = `beacon-${Math.random().toString(36).slice(2)}`;
      const adapter = new RestAdapter({ endpoint: server.apiUrl! });
      expect(adapter.visits.beacon([{ topic, visitorId: 'beacon-visitor', at: Date.now() }], `beacon-${topic}`)).to.be.true;
      let views = 0;
      for (let i = 0; i < 50 && views === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        views = (await adapter.visits.stats([topic])).find((entry) => entry.topic === topic)?.pageViews ?? 0;
      }
      expect(views).to.equal(1);
    });
  });
}
