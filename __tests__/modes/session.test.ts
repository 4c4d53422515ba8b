/** The group as the server spells it: exact first, then the 2.1.1 normalisation, else a clear input error. */
import { chooseGroup } from '../../src/modes/session.js'
import { InputError } from '../../src/shared/errors.js'

describe('chooseGroup', () => {
  test('the name as given wins when the server lists it', () => {
    expect(chooseGroup(['Data Risk', 'datarisk'], 'Data Risk', 'datarisk')).toBe('Data Risk')
  })

  test('else the 2.1.1 normalisation, when that is listed', () => {
    expect(chooseGroup(['datarisk'], 'Data Risk', 'datarisk')).toBe('datarisk')
  })

  test('neither listed: an input error naming both and the visible groups', () => {
    let error: unknown
    try {
      chooseGroup(['alpha', 'beta'], 'Data Risk', 'datarisk')
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(
      "Input 'group': 'Data Risk' (or 'datarisk') is not a group this user can see (visible: alpha, beta). " +
        'Use one of those, exactly as spelled, or create the group first.'
    )
  })
})
