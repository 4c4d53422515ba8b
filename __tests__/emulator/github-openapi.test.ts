/**
 * The GitHub stand-in's checks against the OpenAPI cut, on their own: an answer that drifts from
 * GitHub's description is caught (so the stand-in cannot drift unnoticed), path parameters and
 * query are read as text the way GitHub reads them.
 */
import { loadCut, type Route } from '../../emulator/github/openapi.js'

const cut = loadCut()
const route = (operationId: string): Route => {
  const found = cut.routes.find((r) => r.operationId === operationId)
  if (!found) throw new Error(`${operationId} is not in the cut`)
  return found
}

test('the cut names its package and version, and every route its documentation page', () => {
  expect(cut.source).toMatch(/^@octokit\/openapi@\d+\.\d+\.\d+$/)
  for (const r of cut.routes) expect(r.docs).toMatch(/^https:\/\/docs\.github\.com\/rest\//)
})

test('matches a path template and reads its parameters', () => {
  const r = route('repos/get-deployment-status')
  expect(r.method).toBe('GET')
  expect(r.match('/repos/acme/credit-scripts/deployments/12/statuses/34')).toEqual({
    owner: 'acme',
    repo: 'credit-scripts',
    deployment_id: '12',
    status_id: '34'
  })
  expect(r.match('/repos/acme/credit-scripts/deployments/12')).toBeUndefined()
})

test('path parameters and query fit as text; a non-number id or page does not', () => {
  const r = route('repos/list-deployment-statuses')
  const params = { owner: 'o', repo: 'r', deployment_id: '12' }
  expect(r.checkParams(params, { per_page: '5', page: '2' })).toEqual({ misfits: [], unknown: [] })
  expect(r.checkParams({ ...params, deployment_id: 'twelve' }, {}).misfits).toEqual([
    expect.stringContaining('path/deployment_id must be integer')
  ])
  expect(r.checkParams(params, { page: 'last' }).misfits).toEqual([expect.stringContaining('query/page')])
})

test("an answer missing a required field or of the wrong type is a violation; GitHub's own shapes fit", () => {
  const r = route('repos/get-deployment')
  expect(r.checkResponse(200, { id: 'one' })).toEqual(
    expect.arrayContaining([
      expect.stringContaining("must have required property 'sha'"),
      expect.stringContaining('/id must be integer')
    ])
  )
  // An error the operation does not list (401, 403) fits when it has GitHub's error shape.
  expect(r.checkResponse(401, { message: 'Bad credentials', documentation_url: 'x', status: '401' })).toEqual([])
  expect(r.checkResponse(403, { message: 7 })).not.toEqual([])
  // A success the operation does not list never fits.
  expect(r.checkResponse(201, {})).toEqual([expect.stringContaining('answer 201 is not one the operation lists')])
})

test('status URLs may be the "" GitHub sends when unset, but not another non-URL', () => {
  const r = route('repos/create-deployment-status')
  const user = { login: 'u', id: 1, node_id: 'n', avatar_url: 'http://x/a', gravatar_id: '', url: 'http://x/u' }
  const links = ['html_url', 'followers_url', 'following_url', 'gists_url', 'starred_url', 'subscriptions_url']
  const more = ['organizations_url', 'repos_url', 'events_url', 'received_events_url']
  const creator = {
    ...user,
    ...Object.fromEntries([...links, ...more].map((k) => [k, `http://x/${k}`])),
    type: 'Bot',
    site_admin: false
  }
  const status = {
    url: 'http://x/s/1',
    id: 1,
    node_id: 'n',
    state: 'success',
    creator,
    description: '',
    target_url: '',
    log_url: '',
    environment_url: '',
    deployment_url: 'http://x/d/1',
    repository_url: 'http://x/r',
    created_at: '2026-12-05T07:00:00Z',
    updated_at: '2026-12-05T07:00:00Z'
  }
  expect(r.checkResponse(201, status)).toEqual([])
  expect(r.checkResponse(201, { ...status, environment_url: 'not a url' })).toContainEqual(
    expect.stringContaining('/environment_url must match format "uri"')
  )
})
