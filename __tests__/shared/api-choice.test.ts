/** Which API a script goes through: one rule for the deploy, validate mode, smoke-test mode and the inputs. */
import { apiCandidates, likelyApi } from '../../src/shared/api-choice.js'

describe('the API choice', () => {
  test('a Sync script goes through v1, whatever was asked (the platform has no v2 Sync)', () => {
    expect(apiCandidates('Sync', 'auto')).toEqual(['v1'])
    expect(apiCandidates('Sync', 'v2')).toEqual(['v1'])
    expect(likelyApi('Sync', 'auto')).toBe('v1')
  })

  test('an api-version given is the one used', () => {
    expect(apiCandidates('Async', 'v1')).toEqual(['v1'])
    expect(apiCandidates('Async', 'v2')).toEqual(['v2'])
    expect(apiCandidates(undefined, 'v1')).toEqual(['v1'])
  })

  test('with auto, an Async script (or one the server will tell) takes v2 first, then v1', () => {
    expect(apiCandidates('Async', 'auto')).toEqual(['v2', 'v1'])
    expect(apiCandidates(undefined, 'auto')).toEqual(['v2', 'v1'])
    expect(likelyApi('Async', 'auto')).toBe('v2')
    expect(likelyApi('Async', 'v1')).toBe('v1')
  })
})
