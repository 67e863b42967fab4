// A worker thread owning one chDB session (started by chdb-worker.ts, which holds the message types).
// Plain JavaScript so it runs without the TypeScript loader, whatever started the process
// (node --import tsx, the tsx CLI, node -e).
//
// Calls are synchronous on purpose. This thread has nothing else to do, and chDB's async calls run
// on libuv's pool and complete into the thread's environment: a thread leaving with one in flight
// (an exception, the process exiting) aborts the process in chDB's addon (checked on chDB 3.4).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
/** @type {typeof import('chdb')} */
const chdb = require(workerData.chdbModule);
// chDB's error classes and its mapping of a native message to them (the package does not export them).
const { ChdbInsertError, mapNativeError } = require(join(dirname(workerData.chdbModule), 'dist', 'errors.js'));

let session;

/** What crosses the thread boundary of an error: chDB's typed fields survive as plain properties. */
function serializeError(err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  return { name: err.name, message: err.message, code: err.code, clickhouseCode: err.clickhouseCode, failedAtRow: err.failedAtRow };
}

/**
 * The error chDB's async calls give. Its sync ones prefix the engine's message with "Query failed: " and
 * so lose the ClickHouse code and class: map the message again as the async path does.
 */
function asQueryError(err) {
  if (!(err instanceof Error) || err.clickhouseCode !== undefined || !err.message.startsWith('Query failed: ')) return err;
  return mapNativeError(err.message.slice('Query failed: '.length), undefined, err.cause);
}

/** As chDB's own insert() reports a failed insert (ChdbInsertError: CHDB_INSERT, the ClickHouse code, failedAtRow). */
function asInsertError(err) {
  const query = asQueryError(err);
  const row = /\(at row (\d+)\)/.exec(query.message);
  return new ChdbInsertError(query.message, { cause: query, clickhouseCode: query.clickhouseCode, failedAtRow: row ? Number(row[1]) : undefined });
}

function run(request) {
  // Opened on the first call: a directory another process holds fails that call, not the thread.
  session ??= new chdb.Session(workerData.dir, { connectionArgs: workerData.connectionArgs });
  if (request.op === 'insert') {
    try {
      // `table` is trusted code (the store's own table names), never input.
      session.query(`INSERT INTO \`${request.table}\` SETTINGS ${workerData.insertSettings} FORMAT ${request.format}\n${request.payload}`, 'TabSeparated');
    } catch (err) {
      throw asInsertError(err);
    }
    return undefined;
  }
  try {
    return request.params ? session.queryBind(request.sql, request.params, request.format) : session.query(request.sql, request.format);
  } catch (err) {
    throw asQueryError(err);
  }
}

parentPort.on('message', (request) => {
  if (request.op === 'close') {
    session?.close();
    parentPort.close();
    return;
  }
  if (request.op === 'crash') throw new Error('chDB worker crash requested');
  let reply;
  try {
    reply = { id: request.id, text: run(request) };
  } catch (err) {
    reply = { id: request.id, error: serializeError(err) };
  }
  parentPort.postMessage(reply);
});
