/**
 * A real ZooKeeper for the ClickHouse cluster harness: Debian's `zookeeper` package (3.8, on the
 * JRE it depends on) run standalone from its jar with a config in a temp dir, on a free loopback
 * port. No systemd or init script, so it runs the same on a laptop, in a container and in CI.
 */
import { access, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { errorMessage, isExecutable, isRoot, ProcessServer, runEchoed, startInTempDir, tail } from './local-server.js';
import { freePort } from '../helpers/free-port.js';

export interface ZkInstance {
  readonly host: string;
  readonly port: number;
  /** Sends a four-letter command (`ruok`, `mntr`, `srvr`, `cons`) and resolves with the answer. */
  fourLetter(command: string): Promise<string>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const JAR = '/usr/share/java/zookeeper.jar';
const CONF_DIR = '/etc/zookeeper/conf';
const JAVA = '/usr/bin/java';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** ZooKeeper (or the Java it runs on) is absent and cannot be installed here. */
export class ZooKeeperUnavailableError extends Error {
  override readonly name = 'ZooKeeperUnavailableError';
}

/** Starts a throwaway standalone ZooKeeper (installing `zookeeper` with apt-get first when root and it is missing). */
export async function startZooKeeper(): Promise<ZkInstance> {
  await ensureInstalled();
  return startInTempDir(
    'vigil-zk-',
    async (baseDir) => {
      const port = await freePort();
      const config = path.join(baseDir, 'zoo.cfg');
      // A short tick keeps session timeouts (2–20 ticks) short; the four-letter words are what tests and the agent's probe may ask.
      await writeFile(
        config,
        [
          'tickTime=500',
          `dataDir=${path.join(baseDir, 'data')}`,
          `clientPort=${port}`,
          `clientPortAddress=${HOST}`,
          'admin.enableServer=false',
          '4lw.commands.whitelist=ruok,mntr,srvr,stat,cons',
          'minSessionTimeout=1000',
          'maxSessionTimeout=30000',
          '',
        ].join('\n'),
      );
      return new LocalZooKeeper(baseDir, config, port);
    },
    (instance) => instance.start(),
  );
}

class LocalZooKeeper extends ProcessServer implements ZkInstance {
  readonly host = HOST;

  constructor(
    baseDir: string,
    readonly config: string,
    readonly port: number,
  ) {
    super(baseDir, STOP_TIMEOUT_MS);
  }

  async start(): Promise<void> {
    const consoleLog = path.join(this.baseDir, 'console.log');
    const args = ['-Xmx128m', '-XX:+UseSerialGC', '-cp', `${CONF_DIR}:${JAR}`, `-Dzookeeper.log.dir=${this.baseDir}`, 'org.apache.zookeeper.server.ZooKeeperServerMain', this.config];
    const server = this.spawn(JAVA, args, consoleLog);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (server.exit) throw new Error(`zookeeper ${server.exit} while starting\n${await tail(consoleLog)}`);
      // ruok answers once the port is open; srvr names the mode only once sessions are served (a client earlier is dropped, and 18.16 may crash on it).
      if ((await this.fourLetter('srvr').catch(() => '')).includes('Mode:')) return;
      if (Date.now() > deadline) throw new Error(`zookeeper did not serve (srvr) within ${READY_TIMEOUT_MS} ms\n${await tail(consoleLog)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  fourLetter(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.port, HOST, () => socket.end(command));
      let text = '';
      socket.setEncoding('utf8');
      socket.setTimeout(5000, () => socket.destroy(new Error(`zookeeper ${command} timed out`)));
      socket.on('data', (chunk: string) => (text += chunk));
      socket.once('close', () => resolve(text));
      socket.once('error', reject);
    });
  }

}

async function installed(): Promise<boolean> {
  const jar = await access(JAR).then(
    () => true,
    () => false,
  );
  return jar && (await isExecutable(JAVA));
}

async function ensureInstalled(): Promise<void> {
  if (await installed()) return;
  if (!isRoot()) throw new ZooKeeperUnavailableError(`no ${JAR} (or no ${JAVA}) and not root, so it cannot be installed here: apt-get install zookeeper`);
  process.stderr.write('[zk harness] no zookeeper; installing it with apt-get\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await runEchoed('apt-get', ['update'], env);
    await runEchoed('apt-get', ['install', '-y', '--no-install-recommends', 'zookeeper'], env);
  } catch (err) {
    throw new ZooKeeperUnavailableError(`installing zookeeper with apt-get failed: ${errorMessage(err)}`);
  }
  if (!(await installed())) throw new ZooKeeperUnavailableError(`apt-get installed zookeeper, but ${JAR} or ${JAVA} is missing`);
}

