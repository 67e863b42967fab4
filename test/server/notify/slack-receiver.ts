import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer the stand-in gives: a status, a plain-text body (Slack's words) and headers. */
export interface ReceiverAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

export interface ReceivedPost {
  readonly at: number;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: any;
}

/**
 * A real HTTP server on 127.0.0.1 port 0 standing in for Slack's incoming webhooks: answers
 * `ok`, or from a script of answers (429 with Retry-After, 500, `channel_not_found`, …) in order.
 */
export class SlackReceiver {
  readonly posts: ReceivedPost[] = [];
  readonly #script: ReceiverAnswer[] = [];
  #server: Server | undefined;

  /** Answers to give next, in order; after them every post gets 200 `ok`. */
  answer(...answers: ReceiverAnswer[]): void {
    this.#script.push(...answers);
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        this.posts.push({ at: Date.now(), path: req.url ?? '', headers: req.headers, raw, body: JSON.parse(raw) });
        const answer = this.#script.shift() ?? { status: 200, body: 'ok' };
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** A Slack-looking webhook URL on this receiver. */
  url(path = '/services/T0VIGIL/B0TEST/s3cr3tT0k3nPart'): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
