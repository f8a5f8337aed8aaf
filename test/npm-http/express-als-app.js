'use strict';
// An express app that keeps a request id in AsyncLocalStorage: the
// middleware runs the rest of the request inside als.run({ id }), and the
// handlers read the store again after awaiting timers, promises and fs.
// check.py sends 20 requests at once on 20 connections; every handler waits
// until all 20 have come in (so their continuations interleave) and answers
// with the ids it saw after each step.
const { AsyncLocalStorage } = require('async_hooks');
const { EventEmitter, once } = require('events');
const fs = require('fs');
const timersPromises = require('timers/promises');
const express = require('express');

const als = new AsyncLocalStorage();
const app = express();
const TOTAL = 20;
let arrived = 0;
const everyone = new EventEmitter().setMaxListeners(TOTAL);

function allArrived() {
  if (++arrived === TOTAL) setImmediate(() => everyone.emit('go'));
  return arrived === TOTAL ? Promise.resolve() : once(everyone, 'go');
}
const id = () => (als.getStore() ? als.getStore().id : 'none');

app.use((req, res, next) => {
  als.run({ id: req.query.id }, next);
});

app.use(async (req, res, next) => {
  // A middleware that awaits before calling next keeps the store too.
  await Promise.resolve();
  req.seenInMiddleware = id();
  next();
});

app.get('/work', async (req, res) => {
  const seen = [['middleware', req.seenInMiddleware], ['handler', id()]];
  await allArrived();
  seen.push(['barrier', id()]);
  const n = Number(req.query.id);
  await timersPromises.setTimeout((TOTAL - n) % 7);
  seen.push(['timers/promises', id()]);
  await new Promise((resolve) => setTimeout(resolve, n % 5));
  seen.push(['setTimeout', id()]);
  await new Promise((resolve) => setImmediate(resolve));
  seen.push(['setImmediate', id()]);
  await new Promise((resolve) => process.nextTick(resolve));
  seen.push(['nextTick', id()]);
  await fs.promises.readFile(__filename);
  seen.push(['fs.promises', id()]);
  await new Promise((resolve, reject) => {
    fs.stat(__dirname, (err) => {
      seen.push(['fs callback', id()]);
      if (err) reject(err); else resolve();
    });
  });
  seen.push(['after fs callback', id()]);
  await Promise.all([timersPromises.setImmediate(), fs.promises.access(__filename)]);
  seen.push(['Promise.all', id()]);
  await (async () => { await null; seen.push(['nested async', id()]); })();
  queueMicrotask(() => seen.push(['queueMicrotask', id()]));
  await null;
  res.on('close', () => {});
  res.json({ id: req.query.id, seen });
});

app.get('/fail', async (req, res, next) => {
  await timersPromises.setTimeout(1);
  next(new Error(`failed in ${id()}`));
});

app.use((err, req, res, next) => {
  res.status(500).json({ id: req.query.id, error: err.message, store: id() });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
