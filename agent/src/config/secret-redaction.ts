/**
 * Database URLs carry passwords and the config carries the API key: these helpers keep both out
 * of log lines, error messages and `vigil-agent test` output.
 */

const CENSOR = '***';

// libpq accepts credentials as query parameters too (postgres://host/db?password=...).
const SECRET_PARAM = /pass|secret|token|key/i;

/** The URL with its password and any credential-like query parameters replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Unparseable means we cannot tell where the secret is: show nothing of it.
    return '<invalid url>';
  }
  if (parsed.password) parsed.password = CENSOR;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, CENSOR);
  }
  return parsed.toString();
}

/** The secrets a URL holds (password and credential-like query parameters), for `redactText`. */
function secretsInUrl(url: string): string[] {
  try {
    const parsed = new URL(url);
    const secrets = [...parsed.searchParams.entries()].filter(([name]) => SECRET_PARAM.test(name)).map(([, value]) => value);
    if (parsed.password) secrets.push(parsed.password, safeDecode(parsed.password));
    return secrets.filter((secret) => secret.length > 0);
  } catch {
    return [];
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * `text` with every occurrence of the given secrets censored: a last line of defence for
 * messages written by libraries we do not control.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is censored whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join(CENSOR);
  }
  return out;
}

/** Every secret the config holds: the API key and whatever the database and proxy URLs carry. */
export function secretsInConfig(config: {
  readonly apiKey: string;
  readonly databases: readonly { readonly url: string }[];
  readonly proxy?: { readonly url: string };
}): string[] {
  return [config.apiKey, ...config.databases.flatMap((db) => secretsInUrl(db.url)), ...(config.proxy ? secretsInUrl(config.proxy.url) : [])];
}
