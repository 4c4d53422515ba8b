/** Whose fault a ModuleNotFoundError is, through pipreqs' import-name mapping. */
import { distributionsProviding, requirementNames, whoseMissingImport } from '../../src/harness/imports.js'

test.each([
  ['sklearn', 'scikit_learn'],
  ['yaml', 'PyYAML'],
  ['cv2', 'opencv-python'],
  ['PIL', 'Pillow'],
  ['bs4', 'beautifulsoup4']
])('the mapping knows %s comes from %s', (module, distribution) => {
  expect(distributionsProviding(module)).toContain(distribution)
})

test('requirement lines: names only, normalised; options, comments and URLs left out', () => {
  expect(
    requirementNames(
      '# top\nscikit-learn==1.4 # ml\nPyYAML>=6\n-r other.txt\n' +
        '--index-url x\nopencv_python[extra]; python_version>"3"\n\n'
    )
  ).toEqual(['scikit-learn', 'pyyaml', 'opencv-python'])
})

test.each([
  ['sklearn', 'scikit-learn==1.4.2\n', { kind: 'listed', distribution: 'scikit_learn' }],
  ['yaml', 'pyyaml\n', { kind: 'listed', distribution: 'PyYAML' }],
  ['requests', 'requests==2.31\n', { kind: 'listed', distribution: 'Requests' }],
  ['sklearn', 'pandas==2.0\n', { kind: 'not-listed', distribution: 'scikit_learn' }],
  ['anything', undefined, { kind: 'not-listed', distribution: 'anything' }],
  ['anything', '', { kind: 'not-listed', distribution: 'anything' }],
  // Unknown to the mapping and not listed under its own name: some listed package may provide it.
  ['internal_lib', 'company-tools==1.0\n', { kind: 'uncertain' }]
])('No module named %j with requirements %j: %j', (module, requirements, verdict) => {
  expect(whoseMissingImport(module, requirements)).toEqual(verdict)
})
