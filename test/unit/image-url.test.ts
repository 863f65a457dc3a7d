import { expect } from '@open-wc/testing';
import { safeImageUrl } from '../../src/catalog/image-url.js';
import { primaryImage } from '../../src/catalog/product-view.js';
import { product } from '../helpers/fixtures.js';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

describe('safeImageUrl', () => {
  it('keeps http(s), protocol-relative, relative, blob: and data:image URLs as given', () => {
    for (const src of [
      'https://cdn.example.com/a.png',
      'http://cdn.example.com/a.png?w=400#x',
      'HTTPS://CDN.EXAMPLE.COM/A.PNG',
      '//cdn.example.com/a.png',
      '/images/a.png',
      './a.png',
      '../a.png',
      'a.png',
      'images/a b.png',
      '?v=2',
      'blob:https://shop.example/0b8c1c6e-4d8e-4f3c-9a55-1d2a3b4c5d6e',
      GIF,
      'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E',
      'data:image/png;base64,iVBORw0KGgo=',
      'DATA:IMAGE/WEBP;base64,UklGRg==',
    ]) {
      expect(safeImageUrl(src), src).to.equal(src);
    }
    expect(safeImageUrl('  /a.png  ')).to.equal('/a.png');
  });

  it('refuses script, HTML and every other scheme, however it is spelled', () => {
    for (const src of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'data:,hello',
      'data:image,nope',
      'data:;base64,AAAA',
      'data:application/xhtml+xml,<x/>',
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'filesystem:https://example.com/temporary/a.png',
      'chrome://settings',
      'about:blank',
      'mailto:a@example.com',
      'http://[::1', // not a URL at all
    ]) {
      expect(safeImageUrl(src), JSON.stringify(src)).to.equal(null);
    }
  });

  it('refuses what is not a string or is empty', () => {
    for (const src of [undefined, null, 42, {}, ['a.png'], '', '   ']) expect(safeImageUrl(src)).to.equal(null);
  });
});

describe('primaryImage', () => {
  it('skips unsafe images for the first safe one, and is null when there is none', () => {
    const images = [{ src: 'javascript:alert(1)' }, { src: 'data:text/html,<b>x</b>' }, { src: '/ok.png', alt: 'OK' }];
    expect(primaryImage({ ...product('I', 1), images } as never)).to.deep.equal({ src: '/ok.png', alt: 'OK' });
    expect(primaryImage({ ...product('I', 1), images: images.slice(0, 2) } as never)).to.equal(null);
  });
});
