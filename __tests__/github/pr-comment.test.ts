/** One comment per script and environment (src/github/pr-comment.ts): found by its marker, updated in place. */
import { commentMarker, upsertComment, type IssueCommentsPort } from '../../src/github/pr-comment.js'

/** Comments in memory, as GitHub keeps them; `calls` lists what was asked. */
function fakeComments(): IssueCommentsPort & { comments: Map<number, string>; calls: string[] } {
  const comments = new Map<number, string>()
  const calls: string[] = []
  let next = 1
  return {
    comments,
    calls,
    listComments: async () => {
      calls.push('list')
      return [...comments].map(([id, body]) => ({ id, body }))
    },
    createComment: async (_issue, body) => {
      calls.push('create')
      comments.set(next, body)
      return next++
    },
    updateComment: async (id, body) => {
      calls.push(`update ${id}`)
      comments.set(id, body)
    }
  }
}

const KEY = { environment: 'staging', server: 'https://mlops.example.com/api', group: 'datarisk', name: 'loan' }

describe('commentMarker', () => {
  test('one per script and environment, an HTML comment that no name can end early', () => {
    expect(commentMarker(KEY)).toBe(
      '<!-- neomaril-deploy: staging/https%3A%2F%2Fmlops.example.com%2Fapi/datarisk/loan -->'
    )
    expect(commentMarker({ ...KEY, environment: 'production' })).not.toBe(commentMarker(KEY))
    expect(commentMarker({ ...KEY, environment: '' })).toContain('neomaril-deploy: -/')
    const hostile = commentMarker({ ...KEY, name: 'x --> <b>@someone</b>\n' })
    // Between `<!--` and `-->` nothing can close the comment or open a tag.
    expect(hostile.slice(4, -4)).not.toMatch(/[<>\n]/)
  })
})

describe('upsertComment', () => {
  test('created once, then updated in place; an unchanged body is not sent again', async () => {
    const port = fakeComments()
    port.comments.set(50, 'a reviewer wrote this')
    const marker = commentMarker(KEY)
    expect(await upsertComment(port, 7, marker, 'first')).toEqual({ action: 'created', id: 1 })
    expect(await upsertComment(port, 7, marker, 'second')).toEqual({ action: 'updated', id: 1 })
    expect(await upsertComment(port, 7, marker, 'second')).toEqual({ action: 'unchanged', id: 1 })
    expect(port.comments.size).toBe(2)
    expect(port.comments.get(1)).toBe(`${marker}\nsecond`)
    expect(port.comments.get(50)).toBe('a reviewer wrote this')
    // Another environment's comment is its own.
    expect(await upsertComment(port, 7, commentMarker({ ...KEY, environment: 'prod' }), 'x')).toEqual({
      action: 'created',
      id: 2
    })
  })

  test('a comment that only quotes the marker further down is not taken for ours', async () => {
    const port = fakeComments()
    const marker = commentMarker(KEY)
    port.comments.set(9, `> quoting:\n${marker}\nplan`)
    expect((await upsertComment(port, 7, marker, 'body')).action).toBe('created')
    expect(port.comments.get(9)).toBe(`> quoting:\n${marker}\nplan`)
  })
})
