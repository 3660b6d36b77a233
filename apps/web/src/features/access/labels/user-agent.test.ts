import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent.ts';

describe('describeUserAgent', () => {
  it('names the browser and system of common office PCs and phones', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
      ),
    ).toBe('Edge 120 · Windows 10/11');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 13; V2203A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0 Mobile Safari/537.36 MicroMessenger/8.0.40',
      ),
    ).toBe('微信 8 · Android');
    expect(describeUserAgent('curl/7.88.1')).toBe('curl 7');
    expect(describeUserAgent('')).toBe('未知');
  });
});
