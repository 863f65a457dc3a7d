import type { FetchFunction } from '../../src/adapter/rest/rest-adapter.js';

/** One request the adapter made, as the fake fetch saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** What the fake answers: a Response, a thrown error (network down), or never (`hang`). */
export type Answer = Response | Error | 'hang' | 'hang-until-aborted';
export type Responder = (request: SeenRequest) => Answer | Promise<Answer>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || status === 304 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function text(status: number, body: string, type = 'text/html'): Response {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

/**
 * A scripted fetch: answers the queued responders in order, then `fallback`; records every
 * request so a test can check what was sent and how often.
 */
export class FakeFetch {
  readonly requests: SeenRequest[] = [];
  private readonly queue: Responder[] = [];

  constructor(private fallback: Responder = () => new Error('no answer scripted')) {}

  /** Queues answers for the next requests, one each. */
  then(...answers: (Answer | Responder)[]): this {
    for (const answer of answers) this.queue.push(typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  always(responder: Responder): this {
    this.fallback = responder;
    return this;
  }

  readonly fetch: FetchFunction = async (input, init) => {
    const request: SeenRequest = {
      url: input,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    this.requests.push(request);
    const answer = await (this.queue.shift() ?? this.fallback)(request);
    if (answer === 'hang') return new Promise<Response>(() => {});
    if (answer === 'hang-until-aborted') {
      return new Promise<Response>((_, reject) => {
        request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (answer instanceof Error) throw answer;
    // A Response can be read once: hand out a copy so one scripted answer may serve many calls.
    return answer.clone();
  };

  get last(): SeenRequest {
    return this.requests.at(-1)!;
  }

  /** The JSON body of request `index` (default: the last one). */
  body(index = this.requests.length - 1): unknown {
    const raw = this.requests[index]?.body;
    return raw === undefined ? undefined : JSON.parse(raw);
  }
}

/** Retry options that record the waits instead of sleeping, with the jitter pinned to 0.5. */
export function recordedRetry(attempts = 3): {
  waits: number[];
  retry: { attempts: number; random: () => number; sleep: (ms: number) => Promise<void> };
} {
  const waits: number[] = [];
  return {
    waits,
    retry: {
      attempts,
      random: () => 0.5,
      sleep: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  };
}
