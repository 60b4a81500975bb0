// Reading rosters (src/grade/roster.ts): Gradescope's export YAML as Ruby writes it, the autograder's JSON,
// and CSV the RFC 4180 way; a roster that cannot be read says so.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { csvRoster, gradescopeExport, gradescopeRun, readRoster, RosterError } from '../../src/grade/roster';
import { tempDir } from './helpers';

describe('rosters', () => {
  it('reads the export YAML with Ruby objects in it, which are never resolved', () => {
    const yml = [
      'submission_1:',
      '  :submitters:',
      '  - :name: Ada Lovelace',
      '    :sid: 1815',
      '  :created_at: !ruby/object:ActiveSupport::TimeWithZone',
      '    utc: 2024-03-10 17:12:44.518436000 Z',
      '  :results: !ruby/hash:ActiveSupport::HashWithIndifferentAccess',
      '    score: 3',
      'submission_2:',
      '  :status: processed',
      '',
    ].join('\n');
    // A numeric sid is read as text; a folder with no submitters names nobody.
    expect([...gradescopeExport(yml, 'm.yml')]).toEqual([['submission_1', [{ name: 'Ada Lovelace', id: '1815', email: null }]]]);
  });

  it('says which file cannot be read, and why', () => {
    expect(() => gradescopeExport('a: [1,\n', 'bad.yml')).toThrow(/^bad\.yml: not readable as YAML \(Flow sequence/);
    expect(() => gradescopeExport('- just\n- a list\n', 'list.yml')).toThrow(new RosterError('list.yml: expected a map from submission folders to their metadata'));
    expect(() => gradescopeRun('{"id": 1}', 'm.json')).toThrow('m.json: expected Gradescope\'s submission metadata, with "users"');
  });

  it('reads the autograder JSON: sid when there is one, else the user id', () => {
    const json = JSON.stringify({ users: [{ name: 'Ada', sid: 'A1', id: 9, email: 'ada@x' }, { name: 'Ben', id: 10 }] });
    expect(gradescopeRun(json, 'm.json')).toEqual([{ name: 'Ada', id: 'A1', email: 'ada@x' }, { name: 'Ben', id: '10', email: null }]);
  });

  it('reads CSV with a BOM, quotes, commas and line breaks in fields, and several students per submission', () => {
    const csv = '\uFEFFsubmission,name,email\r\n"ada","Lovelace, Ada","a@x"\r\n\r\nteam,"Line\nBreak",\nteam,Second,s@x\n';
    expect([...csvRoster(csv, 'r.csv')]).toEqual([
      ['ada', [{ name: 'Lovelace, Ada', id: null, email: 'a@x' }]],
      ['team', [{ name: 'Line\nBreak', id: null, email: null }, { name: 'Second', id: null, email: 's@x' }]],
    ]);
  });

  it('warns about, and leaves out, metadata beside the submissions that cannot be read', () => {
    const dir = tempDir('roster');
    fs.mkdirSync(path.join(dir, 'submission_1'));
    fs.writeFileSync(path.join(dir, 'submission_metadata.yml'), 'a: [1,\n');
    const { roster, warnings } = readRoster([{ name: 'submission_1', root: path.join(dir, 'submission_1') }]);
    expect(roster.size).toBe(0);
    expect(warnings).toEqual([expect.stringMatching(/submission_metadata\.yml: not readable as YAML .*; names from it are left out$/)]);
  });
});
