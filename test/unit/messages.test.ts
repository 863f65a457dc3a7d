import { expect } from '@open-wc/testing';
import { defineMessages } from '../../components/shared/messages.js';

describe('messages', () => {
  const t = defineMessages<'items' | 'hello'>(
    { items: '共 {count} 件', hello: '你好，{name}' },
    { items: '{count} {count|item|items}', hello: 'Hello, {name}' },
  );

  it('fills placeholders as text and picks English plurals', () => {
    expect(t('en', 'items', { count: 1 })).to.equal('1 item');
    expect(t('en', 'items', { count: 2 })).to.equal('2 items');
    expect(t('en', 'items', { count: '1,000' })).to.equal('1,000 items');
    expect(t('zh-CN', 'items', { count: 1 })).to.equal('共 1 件');
    expect(t('en', 'hello', { name: '<b>{count}</b>' })).to.equal('Hello, <b>{count}</b>');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(t('en', 'items')).to.equal('{count} {count|item|items}');
  });
});
