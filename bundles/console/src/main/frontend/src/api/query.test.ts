import { describe, expect, it } from 'vitest';
import { buildQuery, conditionToString, pageQuery, searchCondition } from './query';
import { listSpec } from '../components/ResourceList';
import { resourceByKey } from '../resources/configs';

describe('query building', () => {
  it('writes conditions as the API reads them', () => {
    expect(conditionToString({ field: 'name', op: '~=', value: 'web%' })).toBe('name~=web%');
    expect(conditionToString({ field: 'vmNics.ip', op: '=', value: '10.0.0.5' })).toBe('vmNics.ip=10.0.0.5');
    expect(conditionToString({ field: 'description', op: 'is null' })).toBe('description is null');
    expect(() => conditionToString({ field: 'name=1&x', op: '=', value: '1' })).toThrow();
  });

  it('searches names with LIKE and uuids exactly', () => {
    expect(searchCondition('name', ' web ')).toEqual({ field: 'name', op: '~=', value: '%web%' });
    expect(searchCondition('name', 'ABCDEF0123456789abcdef0123456789')).toEqual({ field: 'uuid', op: '=', value: 'abcdef0123456789abcdef0123456789' });
    expect(searchCondition('name', '  ')).toBeUndefined();
  });

  it('builds repeated q, paging, sorting, count and fields', () => {
    const p = buildQuery(pageQuery({
      conditions: [{ field: 'state', op: '=', value: 'Running' }, { field: 'zoneUuid', op: '=', value: '' }],
      search: { field: 'name', text: 'db' }, sortBy: 'createDate', sortDirection: 'desc', fields: ['uuid', 'name'],
    }, 3, 20));
    expect(p.getAll('q')).toEqual(['state=Running', 'name~=%db%']);
    expect(p.get('limit')).toBe('20');
    expect(p.get('start')).toBe('40');
    expect(p.get('sortBy')).toBe('createDate');
    expect(p.get('sortDirection')).toBe('desc');
    expect(p.get('replyWithCount')).toBe('true');
    expect(p.get('fields')).toBe('uuid,name');
    expect(p.toString()).toContain('q=name%7E%3D%25db%25');
  });

  it('leaves out the first page start and absent sorting', () => {
    const p = buildQuery(pageQuery({}, 1, 10));
    expect(p.has('start')).toBe(false);
    expect(p.has('sortBy')).toBe(false);
  });

  it('reads a list page state from the URL', () => {
    const cfg = resourceByKey('vm-instances')!;
    const { spec, page, size } = listSpec(cfg, new URLSearchParams('q=web&page=2&size=50&sort=name&dir=asc&f.state=Running&f.bogus=x'));
    expect(page).toBe(2);
    expect(size).toBe(50);
    expect(spec.conditions).toEqual([{ field: 'state', op: '=', value: 'Running' }]);
    expect(spec.search).toEqual({ field: 'name', text: 'web' });
    expect(spec.sortBy).toBe('name');
    expect(spec.sortDirection).toBe('asc');
    const d = listSpec(cfg, new URLSearchParams(''));
    expect(d.spec.sortBy).toBe('createDate');
    expect(d.spec.sortDirection).toBe('desc');
  });
});
