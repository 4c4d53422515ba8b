/**
 * Which Async contract an entrypoint was written for (python/harness/signals.py's contract
 * signals) and the one rule that judges them (fitOf): certainties only from code that
 * runs on every call, hints otherwise.
 */
import { join } from 'node:path'
import { checkEntrypoint } from '../../src/local-checks/entrypoint.js'
import { fitOf, type ContractSignal } from '../../src/harness/contract.js'
import { scriptFolder } from './helpers.js'

async function signalsOf(body: string, params = 'data_path, extra_path=None'): Promise<readonly ContractSignal[]> {
  const folder = scriptFolder({ 'app.py': `import os\n\ndef run(${params}):\n${body}` })
  const check = await checkEntrypoint(join(folder, 'app.py'), 'run', '3.10', 'async-v2')
  if (!check.ok || check.how !== 'python') throw new Error(`not checked by python: ${JSON.stringify(check)}`)
  return check.signals ?? []
}

const certain = (signals: readonly ContractSignal[]) =>
  signals.filter((s) => s.certain).map((s) => `${s.against}@${s.line}`)

describe('contract signals', () => {
  test('inputFileName read on every call is certain against v2, and comes first on its line', async () => {
    const signals = await signalsOf('    p = os.path.join(data_path, os.environ["inputFileName"])\n    return p\n')
    expect(certain(signals)).toEqual(['async-v2@4', 'async-v2@4'])
    expect(signals[0]?.why).toMatch(/^reads os.environ\['inputFileName'\] at line 4 on every call/)
    expect(fitOf('async-v2', signals).breaks).toBe(signals[0])
    expect(fitOf('async-v1', signals)).toEqual({ breaks: undefined, doubts: [] })
  })

  test('fn(*args) and fn(*args, **kw) reading inputFileName on every call: certain against v2', async () => {
    for (const params of ['*args', '*args, **kw']) {
      const signals = await signalsOf('    return os.environ["inputFileName"]\n', params)
      expect(certain(signals)).toEqual(['async-v2@4'])
      expect(fitOf('async-v2', signals).breaks).toBe(signals[0])
    }
    const hinted = await signalsOf('    if args:\n        return os.environ["inputFileName"]\n', '*args')
    expect(hinted).toEqual([expect.objectContaining({ against: 'async-v2', certain: false })])
    expect(await signalsOf('    return args\n', '*args')).toEqual([])
  })

  test('a dataset read by name on every call is certain against v1 (a str path there)', async () => {
    const signals = await signalsOf('    return dfs["loans"]\n', 'dfs, extra_path=None')
    expect(certain(signals)).toEqual(['async-v1@4'])
    expect(fitOf('async-v2', signals).breaks).toBeUndefined()
  })

  test('code under a branch, a try or after an early return is only a hint', async () => {
    for (const body of [
      '    if data_path:\n        return os.environ["inputFileName"]\n    return None\n',
      '    try:\n        name = os.environ["inputFileName"]\n' +
        '    except KeyError:\n        name = "x"\n    return name\n',
      '    if not data_path:\n        return None\n    return os.environ["inputFileName"]\n',
      '    return os.environ.get("inputFileName") or os.environ["inputFileName"]\n'
    ]) {
      const signals = await signalsOf(body)
      expect(certain(signals)).toEqual([])
      expect(signals.map((s) => s.against)).toContain('async-v2')
      expect(fitOf('async-v2', signals).breaks).toBeUndefined()
      expect(fitOf('async-v2', signals).doubts.length).toBeGreaterThan(0)
    }
  })

  test('names alone are hints; nothing said is no signal', async () => {
    expect(await signalsOf('    return data_path\n')).toEqual([
      expect.objectContaining({ against: 'async-v2', certain: false })
    ])
    expect(await signalsOf('    return dfs\n', 'dfs, extra_path=None')).toEqual([
      expect.objectContaining({ against: 'async-v1', certain: false })
    ])
    expect(await signalsOf('    return helper(data)\n', 'data, extra_path=None')).toEqual([])
  })

  test('a DataFrame used on every call breaks v2 and a two-parameter v1, not the v1 DataFrame form', async () => {
    const three = await signalsOf('    return df.groupby("a").sum()\n', 'df, data_path, extra_path=None')
    expect(certain(three)).toEqual(['async-v2@3', 'async-v2@4'])
    const two = await signalsOf('    return df.groupby("a").sum()\n', 'df, extra_path=None')
    expect(certain(two).sort()).toEqual(['async-v1@4', 'async-v2@4'])
  })

  test('a certainty for the chosen contract silences the hints against it', () => {
    const hint: ContractSignal = { against: 'async-v2', certain: false, line: 3, why: 'names it data_path' }
    const sure: ContractSignal = { against: 'async-v1', certain: true, line: 4, why: "reads dfs['a']" }
    expect(fitOf('async-v2', [hint]).doubts).toEqual([hint])
    expect(fitOf('async-v2', [hint, sure]).doubts).toEqual([])
    expect(fitOf('sync', [sure])).toEqual({ doubts: [] })
  })
})
