import { describe, expect, it } from 'vitest';
import { linkify, withLinksInNewTab } from '../src/features/dev-mail/linkify.ts';

describe('caught mail text', () => {
  it('turns web addresses into links, leaving sentence punctuation out', () => {
    expect(linkify('Open http://localhost:3000/activate/abc-123. Thanks')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://localhost:3000/activate/abc-123', text: 'http://localhost:3000/activate/abc-123' },
      { kind: 'text', text: '. Thanks' },
    ]);
    expect(linkify('(see https://example.org/a?b=1)')[1]).toEqual({ kind: 'link', href: 'https://example.org/a?b=1', text: 'https://example.org/a?b=1' });
    expect(linkify('no link here')).toEqual([{ kind: 'text', text: 'no link here' }]);
  });

  it('makes links of the HTML version open outside the sandboxed frame', () => {
    expect(withLinksInNewTab('<html><head><title>x</title></head></html>')).toBe('<html><head><base target="_blank"><title>x</title></head></html>');
    expect(withLinksInNewTab('<p>hi</p>')).toBe('<base target="_blank"><p>hi</p>');
  });
});
