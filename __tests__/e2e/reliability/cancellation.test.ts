/** SIGINT and SIGTERM during the wait: the run ends as cancelled, with its outputs written. */
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { outputOf } from '../../helpers/action-runner.js'
import { deploy, lastError, useReliabilityRig } from './rig.js'

const { emulator, inputs } = useReliabilityRig()

/** Sends `signal` once the emulator has seen a status check; answers when it was sent. */
function signalOnFirstStatusCheck(signal: NodeJS.Signals): {
  onStart: (child: ChildProcess) => void
  sentAt: () => number
} {
  let sentAt = 0
  return {
    sentAt: () => sentAt,
    onStart: (child) => {
      const timer = setInterval(() => {
        if (!emulator.requests.some((r) => r.path.startsWith('/api/preprocessing/status/'))) return
        clearInterval(timer)
        sentAt = Date.now()
        child.kill(signal)
      }, 20)
      child.on('close', () => clearInterval(timer))
    }
  }
}

describe('cancellation', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while waiting: stops, publishes cancelled with the hash, exits non-zero within 2 s',
    async (signal) => {
      emulator.addFault({ path: '/host/', kind: 'hang-build' })
      const trigger = signalOnFirstStatusCheck(signal)
      const run = await deploy({ ...inputs(), 'wait-timeout': '5m' }, { onStart: trigger.onStart, killAfterMs: 30_000 })
      const exitAfterSignal = Date.now() - trigger.sentAt()
      expect(trigger.sentAt()).toBeGreaterThan(0)
      expect(run.signal).toBeNull()
      expect(run.code).not.toBe(0)
      expect(exitAfterSignal).toBeLessThan(2000)
      expect(run.outputs.status).toBe('cancelled')
      expect(run.outputs['preprocessing-id']).toMatch(/^S[0-9a-f]{63}$/)
      expect(existsSync(outputOf(run, 'result-file'))).toBe(true)
      const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8'))
      expect(result.outputs.status).toBe('cancelled')
      expect(run.summary).toContain(run.outputs['preprocessing-id'])
      expect(lastError(run)).toMatch(new RegExp(`Cancelled by ${signal}`))
      // It stopped polling: no status check after the signal (one in flight may end).
      expect(
        emulator.requests.filter(
          (r) => r.path.startsWith('/api/preprocessing/status/') && r.at > trigger.sentAt() + 100
        )
      ).toEqual([])
    }
  )
})
