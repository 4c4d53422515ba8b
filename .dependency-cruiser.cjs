// The structure gate (part of `npm run lint`): no import cycles anywhere, type-only
// imports included, and imports in src/ point down the layers. CONTRIBUTING.md draws them.
// __tests__/ and scripts/ drive src/ and the emulator from outside, so they may import any
// layer; nothing imports them back (src-stands-alone, emulator-stands-apart-from-tests).

/** src/'s layers, top to bottom. A file imports its own folder and the rows below, never a row above or a sibling. */
const LAYERS = [
  ['src/index\\.ts$'],
  ['src/main\\.ts$'],
  ['src/modes/'],
  ['src/publish/'],
  ['src/local-checks/'],
  ['src/steps/'],
  ['src/api/', 'src/inputs/', 'src/harness/', 'src/github/'],
  ['src/shared/']
]

const layerRules = LAYERS.flatMap((row, rank) =>
  row.map((path) => {
    const forbidden = [...LAYERS.slice(0, rank).flat(), ...row.filter((other) => other !== path)]
    return {
      name: `layer:${path.replace(/[\\$]/g, '')}`,
      comment: 'imports point down the layers (.dependency-cruiser.cjs LAYERS)',
      severity: 'error',
      from: { path: `^${path}` },
      to: { path: forbidden.map((f) => `^${f}`) }
    }
  })
).filter((rule) => rule.to.path.length > 0)

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'a cycle makes two files one: break it by moving the shared part down a layer',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    ...layerRules,
    {
      name: 'emulator-shares-rules-only',
      comment:
        'the emulator is a second reading of the server contract: ' +
        'it shares src/shared and src/harness, not the client',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^src/', pathNot: ['^src/shared/', '^src/harness/'] }
    },
    {
      name: 'emulator-stands-apart-from-tests',
      comment:
        'the emulator is built on its own (emulator/tsconfig.json, npm run emulator): ' +
        'it never reaches into the tests or the scripts',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: ['^__tests__/', '^scripts/'] }
    },
    {
      name: 'src-stands-alone',
      comment: 'src/ never reaches into the tests, the emulator or the scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^emulator/', '^__tests__/', '^scripts/'] }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^build/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' }
  }
}
