'use strict';
// A fastify hello-world app; test/npm-http/check.py sends it requests and
// compares the answers with what Node 24 gives (expected.txt).
const fastify = require('fastify')({ logger: false });

fastify.get('/', async () => 'Hello World!');
fastify.get('/json', async () => ({ runtime: 'any', list: [1, 2, 3] }));
fastify.get('/users/:id', async (req) => ({ id: req.params.id }));
fastify.get('/search', async (req) => ({ query: req.query }));
fastify.post('/echo', async (req, reply) => {
  reply.code(201);
  return { got: req.body };
});
fastify.get('/stream', (req, reply) => {
  const { Readable } = require('stream');
  reply.type('text/plain').send(Readable.from(['one,', 'two']));
});
fastify.get('/cached', async (req, reply) => {
  reply.header('etag', '"v1"');
  return 'same body, same etag';
});

fastify.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  process.stdout.write(`listening ${fastify.server.address().port}\n`);
});
process.on('SIGTERM', () => fastify.close().then(() => process.exit(0)));
