// The Windows path rules, exercised with path.win32 on any machine (the action runs on windows-latest too).
import path from 'node:path'
import { fromPosixRelative, isInside, toPosixRelative, windowsNameProblem } from '../../src/util/paths.js'

describe('isInside', () => {
  it.each([
    ['C:\\work\\pkg', 'C:\\work\\pkg', true],
    ['C:\\work\\pkg', 'C:\\work\\pkg\\a\\b.js', true],
    ['C:\\work\\pkg', 'c:\\WORK\\Pkg\\a.js', true], // NTFS paths compare case-insensitively
    ['C:\\work\\pkg', 'C:\\work\\pkg\\..foo', true], // a name that starts with two dots is still inside
    ['C:\\work\\pkg', 'C:\\work\\pkgx\\a.js', false],
    ['C:\\work\\pkg', 'C:\\work', false],
    ['C:\\work\\pkg', 'D:\\work\\pkg\\a.js', false], // another drive: path.relative answers an absolute path
    ['C:\\work\\pkg', '\\\\server\\share\\a.js', false]
  ])('win32: %s contains %s: %s', (root, candidate, expected) => {
    expect(isInside(root, candidate, path.win32)).toBe(expected)
  })

  it.each([
    ['/w/pkg', '/w/pkg/a', true],
    ['/w/pkg', '/w/pkg/..foo', true],
    ['/w/pkg', '/w/Pkg/a', false], // case matters on POSIX file systems
    ['/w/pkg', '/w/pkg/../x', false]
  ])('posix: %s contains %s: %s', (root, candidate, expected) => {
    expect(isInside(root, candidate, path.posix)).toBe(expected)
  })
})

describe('manifest paths and file system paths', () => {
  it('turns a Windows path into a manifest path with / and back', () => {
    expect(toPosixRelative('C:\\a\\pkg', 'C:\\a\\pkg\\nested\\deep\\app.js', path.win32)).toBe('nested/deep/app.js')
    expect(fromPosixRelative('C:\\a\\pkg', 'nested/deep/app.js', path.win32)).toBe('C:\\a\\pkg\\nested\\deep\\app.js')
    expect(fromPosixRelative('D:\\store', 'web/artifacts/abc/', path.win32)).toBe('D:\\store\\web\\artifacts\\abc')
    expect(toPosixRelative('/a/pkg', '/a/pkg/x/y.js', path.posix)).toBe('x/y.js')
  })
})

describe('windowsNameProblem', () => {
  it.each(['app.js', 'ünï space', 'a.b.c', '..foo', 'console.log', 'COM10', 'a~b', 'CONIN'])('%s is a fine name', (name) => {
    expect(windowsNameProblem(name)).toBeUndefined()
  })
  it.each([
    ['C:evil', 'character'],
    ['file.txt:stream', 'character'],
    ['a\\b', 'character'],
    ['what?', 'character'],
    ['nul', 'device'],
    ['NUL.txt', 'device'],
    ['com1', 'device'],
    ['Lpt9.log', 'device'],
    ['trailing.', 'dot or a space'],
    ['trailing ', 'dot or a space'],
    ['tab\there', 'control'],
    // Trust, second pass: the 8.3 short name of .git, and console devices the first filter missed.
    ['GIT~1', '8.3 short name'],
    ['progra~2', '8.3 short name'],
    ['CONIN$', 'device'],
    ['conout$.txt', 'device'],
    ['nul. ', 'device']
  ])('%s is refused (%s)', (name, why) => {
    expect(windowsNameProblem(name)).toContain(why)
  })
})
