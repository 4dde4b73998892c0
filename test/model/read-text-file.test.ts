import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cannotRead, readTextFile } from '../../lib/model/read-text-file';

describe('cannotRead', () => {
  test.each([
    ['ENOENT', 'cannot read the file: no such file or folder (ENOENT)'],
    ['EACCES', 'cannot read the file: permission denied (EACCES)'],
    ['EISDIR', 'cannot read the file: it is a folder (EISDIR)'],
    ['EIO', 'cannot read the file (EIO)'],
  ])('says what %s means, and keeps the code', (code, message) => {
    expect(cannotRead(Object.assign(new Error('x'), { code }))).toBe(message);
  });

  test('a folder, and an error without a code', () => {
    expect(cannotRead(Object.assign(new Error('x'), { code: 'ENOTDIR' }), 'folder')).toBe('cannot read the folder: a part of the path is not a folder (ENOTDIR)');
    expect(cannotRead(new Error('disk on fire'))).toBe('cannot read the file (Error: disk on fire)');
  });
});

test('readTextFile of a missing file says it does not exist', async () => {
  await expect(readTextFile(join(mkdtempSync(join(tmpdir(), 'read-text-')), 'missing.json'))).rejects.toThrow('cannot read the file: no such file or folder (ENOENT)');
});
