'use strict';
// An express hello-world app; test/npm-http/check.py sends it requests and
// compares the answers with what Node 24 gives (expected.txt).
const express = require('express');

const app = express();
app.use(express.json());

app.get('/', (req, res) => res.send('Hello World!'));
app.get('/json', (req, res) => res.json({ runtime: 'any', list: [1, 2, 3] }));
app.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
app.get('/search', (req, res) => res.json({ query: req.query }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
app.get('/stream', (req, res) => {
  res.type('text/plain');
  res.write('one,');
  setTimeout(() => res.end('two'), 5);
});
app.get('/cached', (req, res) => res.send('same body, same etag'));

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
