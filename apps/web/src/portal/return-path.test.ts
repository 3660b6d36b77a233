import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path.ts';

describe('the path 我的 returns to after signing in', () => {
  it('keeps portal paths with their query', () => {
    expect(returnPath('/legal-aid/apply')).toBe('/legal-aid/apply');
    expect(returnPath('/legal-aid/apply?draft=1')).toBe('/legal-aid/apply?draft=1');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      null,
      '',
      'legal-aid',
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
    ]) {
      expect(returnPath(bad)).toBeNull();
    }
  });
});
