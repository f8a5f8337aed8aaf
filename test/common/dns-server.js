'use strict';

// A small DNS responder for the dns tests, on 127.0.0.1 only. The zone is
// a function (name, type) -> { rcode, answers } | null, or an object that
// maps a name to its records; a record is { type, ttl, ...fields } with
// the fields dns.resolve*() reports (address, exchange/priority, entries,
// name/port/priority/weight, value, nsname/hostmaster/serial/..., flags/
// service/regexp/replacement/order/preference, critical/tag/value,
// usage/selector/match/data). A null answer is NXDOMAIN; `drop: true`
// sends nothing.

const net = require('net');

const kTypes = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28,
  SRV: 33, NAPTR: 35, TLSA: 52, ANY: 255, CAA: 257,
};

function encodeName(name) {
  const parts = [];
  for (const label of name.split('.')) {
    if (label === '') continue;
    parts.push(Buffer.from([label.length]), Buffer.from(label, 'latin1'));
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function charString(s) {
  const bytes = Buffer.from(s, 'latin1');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

function encodeIPv6(address) {
  const out = Buffer.alloc(16);
  const [head, tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  front.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), 2 * i));
  back.forEach((g, i) => {
    out.writeUInt16BE(parseInt(g, 16), 16 - 2 * (back.length - i));
  });
  return out;
}

function encodeData(rr) {
  switch (rr.type) {
    case 'A': return Buffer.from(rr.address.split('.').map(Number));
    case 'AAAA': return encodeIPv6(rr.address);
    case 'NS':
    case 'CNAME':
    case 'PTR': return encodeName(rr.value);
    case 'MX':
      return Buffer.concat([u16(rr.priority), encodeName(rr.exchange)]);
    case 'TXT': return Buffer.concat(rr.entries.map(charString));
    case 'SRV':
      return Buffer.concat([u16(rr.priority), u16(rr.weight), u16(rr.port),
                            encodeName(rr.name)]);
    case 'NAPTR':
      return Buffer.concat([u16(rr.order), u16(rr.preference),
                            charString(rr.flags), charString(rr.service),
                            charString(rr.regexp),
                            encodeName(rr.replacement)]);
    case 'SOA':
      return Buffer.concat([encodeName(rr.nsname), encodeName(rr.hostmaster),
                            u32(rr.serial), u32(rr.refresh), u32(rr.retry),
                            u32(rr.expire), u32(rr.minttl)]);
    case 'CAA':
      return Buffer.concat([Buffer.from([rr.critical]), charString(rr.tag),
                            Buffer.from(rr.value, 'latin1')]);
    case 'TLSA':
      return Buffer.concat([Buffer.from([rr.usage, rr.selector, rr.match]),
                            Buffer.from(rr.data)]);
    default: throw new Error(`no encoder for ${rr.type}`);
  }
}

// { id, name, type, question } of a query message.
function parseQuery(msg) {
  const labels = [];
  let offset = 12;
  while (msg[offset] !== 0) {
    labels.push(msg.toString('latin1', offset + 1, offset + 1 + msg[offset]));
    offset += msg[offset] + 1;
  }
  const code = msg.readUInt16BE(offset + 1);
  const type = Object.keys(kTypes).find((k) => kTypes[k] === code) || code;
  return {
    id: msg.readUInt16BE(0),
    name: labels.join('.'),
    type,
    question: msg.subarray(12, offset + 5),
  };
}

function lookupZone(zone, name, type) {
  if (typeof zone === 'function') return zone(name, type);
  const records = zone[name];
  if (records === undefined) return null;
  return {
    answers: records.filter((rr) => type === 'ANY' || rr.type === type ||
                                    rr.type === 'CNAME'),
  };
}

// The response to `msg`, or null to stay silent.
function respond(msg, zone, queries) {
  const query = parseQuery(msg);
  if (queries) queries.push(query);
  const result = lookupZone(zone, query.name, query.type) ?? { rcode: 3 };
  if (result.drop) return null;
  const answers = result.answers ?? [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.id, 0);
  header.writeUInt16BE(0x8180 | (result.rcode ?? 0), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const records = answers.map((rr) => {
    const data = encodeData(rr);
    return Buffer.concat([encodeName(rr.domain ?? query.name),
                          u16(kTypes[rr.type]), u16(1), u32(rr.ttl ?? 0),
                          u16(data.length), data]);
  });
  return Buffer.concat([header, query.question, ...records]);
}

// A TCP DNS server (two-byte length before each message).
// `server.queries` lists what it was asked.
function createTcpServer(zone) {
  const queries = [];
  const server = net.createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 &&
             pending.length >= 2 + pending.readUInt16BE(0)) {
        const msg = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + msg.length);
        const reply = respond(msg, zone, queries);
        if (reply !== null) {
          socket.write(Buffer.concat([u16(reply.length), reply]));
        }
      }
    });
    socket.on('error', () => {});
  });
  server.queries = queries;
  return server;
}

// A UDP DNS server.
function createUdpServer(zone) {
  const dgram = require('dgram');
  const queries = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const reply = respond(msg, zone, queries);
    if (reply !== null) socket.send(reply, rinfo.port, rinfo.address);
  });
  socket.queries = queries;
  return socket;
}

module.exports = { createTcpServer, createUdpServer, parseQuery, respond };
