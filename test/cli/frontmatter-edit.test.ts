import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { editFrontmatter, EditError, type FrontmatterEdit } from '../../src/cli/frontmatter-edit.ts';

const ORDER = ['title', 'summary', 'owner', 'team', 'stage', 'flag', 'dates', 'target', 'approvers', 'checklist', 'bugs', 'docs', 'release', 'changelog'];
const BODY = '## Notes\n\nThe body, untouched.\n';

const page = (yaml: string) => `---\n${yaml}---\n${BODY}`;
const edit = (yaml: string, edits: FrontmatterEdit[]) => editFrontmatter(page(yaml), edits, ORDER);

const toStage = (stage: string, date: string): FrontmatterEdit[] => [
  { op: 'set', key: 'stage', value: stage },
  { op: 'set-entry', key: 'dates', entry: stage, value: date },
];
const approve = (person: string, stage: string, date: string): FrontmatterEdit => ({ op: 'append', key: 'approvers', item: { person, stage, date } });

describe('editFrontmatter: only the changed keys differ', () => {
  test('keeps a trailing comment on the stage line and the quoting of every value', () => {
    const yaml = 'title: "Quoted: title"\nstage: internal   # agreed with Gary\ndates:\n  development: "2026-09-01"\n  internal: "2026-10-26"\n';
    expect(edit(yaml, toStage('beta', '2026-11-21'))).toBe(
      page('title: "Quoted: title"\nstage: beta   # agreed with Gary\ndates:\n  development: "2026-09-01"\n  internal: "2026-10-26"\n  beta: "2026-11-21"\n'),
    );
  });

  test('a new date goes after the last one, before a comment that follows the map', () => {
    const yaml = 'stage: development\ndates:\n  development: 2026-10-01 # kick-off\n  # internal: when Gary agrees\ntarget: 2026-12-01\n';
    expect(edit(yaml, toStage('internal', '2026-11-21'))).toBe(
      page('stage: internal\ndates:\n  development: 2026-10-01 # kick-off\n  internal: 2026-11-21\n  # internal: when Gary agrees\ntarget: 2026-12-01\n'),
    );
  });

  test('appends approvals in the sequence\'s own indentation, whether indented or not', () => {
    const indented = 'approvers:\n    - person: a\n      stage: internal\n      date: 2026-10-01\nchecklist: {}\n';
    expect(edit(indented, [approve('b', 'beta', '2026-11-01')])).toBe(
      page('approvers:\n    - person: a\n      stage: internal\n      date: 2026-10-01\n    - person: b\n      stage: beta\n      date: 2026-11-01\nchecklist: {}\n'),
    );
    const flush = 'approvers:\n- person: a\n  stage: internal\n  date: 2026-10-01\n';
    expect(edit(flush, [approve('b', 'beta', '2026-11-01')])).toBe(page(`${flush}- person: b\n  stage: beta\n  date: 2026-11-01\n`));
  });

  test('new approval keys follow the order the file already uses', () => {
    const yaml = 'approvers:\n  - stage: internal\n    date: 2026-10-01\n    person: a\n';
    expect(edit(yaml, [approve('b', 'beta', '2026-11-01')])).toBe(page(`${yaml}  - stage: beta\n    date: 2026-11-01\n    person: b\n`));
  });

  test('a missing key is added where the contract orders it, leaving its neighbours alone', () => {
    const yaml = 'title: T\nstage: development\nflag: f\ndates:\n  development: 2026-10-01\nchecklist:\n  hallway-tests: 2026-10-02\n';
    expect(edit(yaml, [approve('gary', 'internal', '2026-11-01')])).toBe(
      page('title: T\nstage: development\nflag: f\ndates:\n  development: 2026-10-01\napprovers:\n  - person: gary\n    stage: internal\n    date: 2026-11-01\nchecklist:\n  hallway-tests: 2026-10-02\n'),
    );
    // No "dates" at all: it goes after "stage" (and "flag" if there is one).
    expect(edit('title: T\nstage: development\ndocs: none\n', toStage('internal', '2026-11-21'))).toBe(
      page('title: T\nstage: internal\ndates:\n  internal: 2026-11-21\ndocs: none\n'),
    );
  });

  test('an empty or flow collection is rewritten in block style; only that key changes', () => {
    expect(edit('stage: development\ndates: {}\napprovers: []\ndocs: none\n', [...toStage('internal', '2026-11-21'), approve('g', 'internal', '2026-11-20')])).toBe(
      page('stage: internal\ndates:\n  internal: 2026-11-21\napprovers:\n  - person: g\n    stage: internal\n    date: 2026-11-20\ndocs: none\n'),
    );
    expect(edit('dates: { development: 2026-10-01 }\nowner: o\n', [{ op: 'set-entry', key: 'dates', entry: 'internal', value: '2026-11-21' }])).toBe(
      page('dates:\n  development: 2026-10-01\n  internal: 2026-11-21\nowner: o\n'),
    );
  });

  test('a comment after a flow-style value survives the rewrite, on the key line', () => {
    expect(edit('stage: development\ndates: { development: 2026-10-01 }  # note\nowner: o\n', toStage('internal', '2026-11-21'))).toBe(
      page('stage: internal\ndates:  # note\n  development: 2026-10-01\n  internal: 2026-11-21\nowner: o\n'),
    );
    expect(edit('approvers: []  # none yet\ndocs: none\n', [approve('g', 'internal', '2026-11-20')])).toBe(
      page('approvers:  # none yet\n  - person: g\n    stage: internal\n    date: 2026-11-20\ndocs: none\n'),
    );
  });

  test('refuses an edit that would drop a comment inside a rewritten flow collection', () => {
    expect(() =>
      edit('dates: {\n  development: 2026-10-01,  # kick-off\n}\nowner: o\n', [{ op: 'set-entry', key: 'dates', entry: 'internal', value: '2026-11-21' }]),
    ).toThrow(/cannot edit safely/);
  });

  test('a value any YAML reader would take for another type is quoted; a calendar date stays plain', () => {
    // yes, n and on are booleans to YAML 1.1 readers, 0b1010 a number to js-yaml 4 (the site's parser).
    for (const person of ['yes', 'n', 'on', '0b1010', '1e3', 'null', 'true']) {
      const result = edit('approvers:\n  - person: a\n    stage: internal\n    date: 2026-10-01\n', [approve(person, 'beta', '2026-11-01')]);
      expect(result).toContain(`  - person: "${person}"\n    stage: beta\n    date: 2026-11-01\n`);
    }
    expect(edit('stage: development\n', [{ op: 'set', key: 'stage', value: 'off' }])).toBe(page('stage: "off"\n'));
  });

  test('a key with no value ("stage:") gets one', () => {
    expect(edit('stage:\nowner: o\n', [{ op: 'set', key: 'stage', value: 'beta' }])).toBe(page('stage: beta\nowner: o\n'));
  });

  test('CRLF files get CRLF lines', () => {
    const crlf = '---\r\nstage: internal\r\ndates:\r\n  internal: 2026-10-26\r\n---\r\nBody\r\n';
    expect(editFrontmatter(crlf, toStage('beta', '2026-11-21'), ORDER)).toBe('---\r\nstage: beta\r\ndates:\r\n  internal: 2026-10-26\r\n  beta: 2026-11-21\r\n---\r\nBody\r\n');
  });

  test('a byte-order mark and the body, including "---" lines in it, are untouched', () => {
    const text = '\uFEFF---\nstage: internal\n---\nBody\n\n---\n\nstage: internal\n';
    expect(editFrontmatter(text, [{ op: 'set', key: 'stage', value: 'beta' }], ORDER)).toBe('\uFEFF---\nstage: beta\n---\nBody\n\n---\n\nstage: internal\n');
  });

  test('refuses what it cannot edit safely, rather than guessing', () => {
    expect(() => editFrontmatter('No frontmatter here.\n', [{ op: 'set', key: 'stage', value: 'beta' }], ORDER)).toThrow(EditError);
    expect(() => edit('stage: [unclosed\n', [{ op: 'set', key: 'stage', value: 'beta' }])).toThrow(/not valid YAML/);
    expect(() => edit('{stage: internal}\n', [{ op: 'set', key: 'stage', value: 'beta' }])).toThrow(/not a block/);
    expect(() => edit('dates:\n  internal:\n    nested: 1\n', [{ op: 'set-entry', key: 'dates', entry: 'internal', value: '2026-11-21' }])).toThrow(/holds a collection/);
  });

  test('property: any number of approvals appended leaves every original line in place, in order', () => {
    // Words YAML 1.1 reads as booleans are quoted (tested above), which this property's line matching does not model.
    const person = fc.stringMatching(/^[a-z]{1,8}(?:-[a-z]{1,8})?$/).filter((p) => !/^(?:y|n|yes|no|on|off|true|false|null)$/.test(p));
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const original =
      '# comment at the top\ntitle: "Title: with colon"\nstage: internal # now\ndates:\n  internal: 2026-10-26\n\napprovers:\n  # first sign-off\n  - person: gary\n    stage: internal\n    date: 2026-10-20\nchecklist: { a: 2026-10-01 }\n';
    fc.assert(
      fc.property(fc.array(fc.tuple(person, date), { minLength: 1, maxLength: 6 }), (approvals) => {
        const result = edit(original, approvals.map(([p, d]) => approve(p, 'beta', d)));
        expect(result.endsWith(`---\n${BODY}`)).toBe(true);
        const data = parseDocument(result.slice(4, result.indexOf('\n---\n') + 1)).toJS();
        expect(data.approvers.slice(1)).toEqual(approvals.map(([p, d]) => ({ person: p, stage: 'beta', date: d })));
        // Removing the added lines gives back the original exactly.
        const added = new Set(approvals.flatMap(([p, d]) => [`  - person: ${p}`, '    stage: beta', `    date: ${d}`]));
        const lines = result.split('\n');
        const insertedAt = lines.indexOf('checklist: { a: 2026-10-01 }');
        const kept = lines.filter((line, index) => !(index >= 12 && index < insertedAt && added.has(line)));
        expect(kept.join('\n')).toBe(page(original));
      }),
      { numRuns: 200 },
    );
  });
});
