import { inspect } from 'node:util';
import { VigilError } from '@vigil/shared';

/**
 * A backend URL that may carry credentials (DATABASE_URL, CLICKHOUSE_URL). Every way it turns into
 * text by accident (String(), JSON, a pino log line, util.inspect) gives the redacted form; only
 * reveal(), called where the URL is handed to a driver, gives the real one.
 */
export class ConnectionUrl {
  readonly #url: URL;

  /** Throws CONFIG_INVALID naming `variable` and what is wrong with it, never the value itself. */
  constructor(variable: string, value: string, protocols: readonly string[]) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new VigilError('CONFIG_INVALID', `${variable}: not a valid URL; expected ${protocols.map((p) => `${p}//`).join(' or ')}…`);
    }
    if (!protocols.includes(url.protocol)) {
      throw new VigilError('CONFIG_INVALID', `${variable}: unsupported scheme ${JSON.stringify(url.protocol)}; expected ${protocols.map((p) => `${p}//`).join(' or ')}…`);
    }
    this.#url = url;
  }

  /** The full URL, credentials included: for the driver only, never for a log or an error. */
  reveal(): string {
    return this.#url.href;
  }

  get protocol(): string {
    return this.#url.protocol;
  }

  /** The URL with its password (and any password-like query parameter) replaced by `***`. */
  get redacted(): string {
    const url = new URL(this.#url.href);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.href;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [inspect.custom](): string {
    return `ConnectionUrl(${this.redacted})`;
  }
}
