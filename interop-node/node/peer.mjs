// A go-go-scope Node service reduced to its persistence adapter, driven line by line from a Java test.
//
//   NODE_PEER_MODULES=<setup dir> node peer.mjs mysql   '{"host","port","user","password","database","keyPrefix"}'
//   NODE_PEER_MODULES=<setup dir> node peer.mjs mongodb '{"uri","database","keyPrefix"}'
//
// <setup dir> is where setup.sh installed node_modules (defaults to the current directory).
// stdin: one JSON request per line, e.g. {"op":"acquire","key":"k","ttl":5000}. Requests run one at a time, in order.
// stdout: exactly one JSON line per request, {"ok":true,"result":<value>} or {"ok":false,"error":"...","code":...};
// nothing else is ever written to stdout (diagnostics go to stderr).
// The adapter's connect() is NOT called here: the test sends {"op":"connect"} when it wants the tables / indexes made.
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

const log = (...parts) => console.error('[peer]', ...parts);
// whatever a library prints must not corrupt the protocol
console.log = console.info = console.debug = console.warn = (...parts) => console.error(...parts);

const modulesDir = path.resolve(process.env.NODE_PEER_MODULES ?? '.');
const requireFromSetup = createRequire(path.join(modulesDir, 'package.json'));
const load = (specifier) => import(pathToFileURL(requireFromSetup.resolve(specifier)).href);

const [kind, optionsText] = process.argv.slice(2);
if (kind !== 'mysql' && kind !== 'mongodb') {
  log(`usage: node peer.mjs mysql|mongodb '<json options>' (got ${JSON.stringify(kind)})`);
  process.exit(2);
}
const options = JSON.parse(optionsText ?? '{}');

let adapter;
let close;
if (kind === 'mysql') {
  const mysql = await load('mysql2/promise');
  const { MySQLAdapter } = await load('@go-go-scope/persistence-mysql');
  const pool = (mysql.default ?? mysql).createPool({
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
    // the adapter passes JS Dates as parameters and reads DATETIMEs back as Dates: without 'Z' mysql2 converts them
    // in this process's local time zone, and the rows would disagree with any other node about when a lock expires
    timezone: 'Z',
    // JSON columns as their text, whatever the server and mysql2 version (see jsonValue below)
    jsonStrings: true,
    connectionLimit: 4,
  });
  adapter = new MySQLAdapter(pool, { keyPrefix: options.keyPrefix });
  close = () => pool.end();
} else {
  const mongodb = await load('mongodb');
  const { MongoDBAdapter } = await load('@go-go-scope/persistence-mongodb');
  const client = new (mongodb.MongoClient ?? mongodb.default.MongoClient)(options.uri, {
    serverSelectionTimeoutMS: 10000,
  });
  await client.connect();
  adapter = new MongoDBAdapter(client.db(options.database), { keyPrefix: options.keyPrefix });
  close = () => client.close();
}

// The adapter returns cache values and checkpoint data as the driver hands them over. MariaDB's JSON is LONGTEXT:
// mysql2 before 3.23 gives its text, 3.23 and later parse it when MariaDB marks the column format=json (a column some
// other node created as plain LONGTEXT/TEXT stays text), and then a JSON string "x" comes back as x, which cannot be
// told apart from text. With jsonStrings every mysql2 answer is the stored JSON text, parsed here, so the result is
// always the JSON value that is in the table. MongoDB's driver gives the value itself.
const jsonValue = (raw) => (kind === 'mysql' && typeof raw === 'string' ? JSON.parse(raw) : raw);
const checkpointOut = (checkpoint) => (checkpoint ? { ...checkpoint, data: jsonValue(checkpoint.data) } : null);
const need = (request, field) => {
  if (request[field] === undefined) throw Object.assign(new Error(`${request.op}: missing "${field}"`), { code: 'BAD_REQUEST' });
  return request[field];
};
const checkpointsOnly = () => {
  if (kind !== 'mysql') throw Object.assign(new Error('unsupported: the MongoDB adapter has no checkpoints'), { code: 'UNSUPPORTED' });
};

const handles = new Map(); // lock key -> the handle acquire returned, for release / extend / isValid

const ops = {
  connect: async () => { await adapter.connect(); return null; },

  acquire: async (r) => {
    const handle = await adapter.acquire(need(r, 'key'), need(r, 'ttl'), r.owner ?? undefined);
    if (!handle) return false;
    handles.set(r.key, handle);
    return true;
  },
  release: async (r) => {
    const handle = handles.get(need(r, 'key'));
    if (!handle) return false;
    handles.delete(r.key);
    await handle.release();
    return true;
  },
  extend: async (r) => {
    const handle = handles.get(need(r, 'key'));
    return handle ? await handle.extend(need(r, 'ttl')) : false;
  },
  isValid: async (r) => {
    const handle = handles.get(need(r, 'key'));
    return handle ? await handle.isValid() : false;
  },
  forceRelease: async (r) => { handles.delete(need(r, 'key')); await adapter.forceRelease(r.key); return null; },

  get: async (r) => jsonValue(await adapter.get(need(r, 'key'))),
  set: async (r) => { await adapter.set(need(r, 'key'), need(r, 'value'), r.ttl ?? undefined); return null; },
  has: async (r) => await adapter.has(need(r, 'key')),
  delete: async (r) => { await adapter.delete(need(r, 'key')); return null; },
  keys: async (r) => [...(await adapter.keys(r.pattern ?? undefined))].sort(),
  clear: async () => { await adapter.clear(); return null; },

  getState: async (r) => (await adapter.getState(need(r, 'key'))) ?? null,
  setState: async (r) => { await adapter.setState(need(r, 'key'), need(r, 'state')); return null; },
  recordFailure: async (r) => await adapter.recordFailure(need(r, 'key'), need(r, 'maxFailures')),
  recordSuccess: async (r) => { await adapter.recordSuccess(need(r, 'key')); return null; },

  save: async (r) => { checkpointsOnly(); await adapter.save(need(r, 'checkpoint')); return null; },
  load: async (r) => { checkpointsOnly(); return checkpointOut(await adapter.load(need(r, 'id'))); },
  loadLatest: async (r) => { checkpointsOnly(); return checkpointOut(await adapter.loadLatest(need(r, 'taskId'))); },
  list: async (r) => { checkpointsOnly(); return (await adapter.list(need(r, 'taskId'))).map(checkpointOut); },
  cleanup: async (r) => { checkpointsOnly(); await adapter.cleanup(need(r, 'taskId'), need(r, 'keepCount')); return null; },
  deleteAll: async (r) => { checkpointsOnly(); await adapter.deleteAll(need(r, 'taskId')); return null; },
};

const answer = (message) => new Promise((resolve) => {
  // JSON.stringify drops undefined members (e.g. lastSuccessTime of a circuit that never succeeded)
  if (!process.stdout.write(`${JSON.stringify(message)}\n`)) process.stdout.once('drain', resolve);
  else resolve();
});

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
let exiting = false;
for await (const line of lines) { // one request at a time: the next line is read only after this one is answered
  if (line.trim() === '') continue;
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    await answer({ ok: false, error: `not a JSON line: ${e.message}`, code: 'BAD_REQUEST' });
    continue;
  }
  if (request.op === 'exit') {
    exiting = true;
    try {
      await close();
      await answer({ ok: true, result: null });
    } catch (e) {
      await answer({ ok: false, error: String(e?.message ?? e), code: e?.code ?? null });
    }
    break;
  }
  const op = Object.hasOwn(ops, request.op) ? ops[request.op] : null;
  try {
    if (!op) throw Object.assign(new Error(`unknown op ${JSON.stringify(request.op)}`), { code: 'BAD_REQUEST' });
    const result = await op(request);
    await answer({ ok: true, result: result === undefined ? null : result });
  } catch (e) {
    log(`${request.op} failed:`, e?.stack ?? e);
    await answer({ ok: false, error: String(e?.message ?? e), code: e?.code ?? null });
  }
}
if (!exiting) {
  log('stdin closed without exit: closing');
  try { await close(); } catch (e) { log('close failed:', e?.message ?? e); }
}
process.exit(0);
