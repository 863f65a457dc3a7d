import { expect } from '@open-wc/testing';
import { currencyDigits, formatMoney, isMoney, parseMoney } from '../../src/core/money.js';
import { formatDate, resolveLocale } from '../../src/core/locale.js';

describe('money', () => {
  it('formats integer fen as yuan in zh-CN by default', () => {
    expect(formatMoney({ amount: 129900, currency: 'CNY' })).to.equal('¥1,299.00');
    expect(formatMoney({ amount: 1, currency: 'CNY' }, 'zh-CN')).to.equal('¥0.01');
    expect(formatMoney({ amount: -2000, currency: 'CNY' }, 'zh-CN')).to.equal('-¥20.00');
  });

  it('formats in English with the currency made explicit', () => {
    expect(formatMoney({ amount: 129900, currency: 'CNY' }, 'en')).to.equal('CN¥1,299.00');
    expect(formatMoney({ amount: 1999, currency: 'USD' }, 'en')).to.equal('$19.99');
  });

  it('knows currencies without minor units', () => {
    expect(currencyDigits('JPY')).to.equal(0);
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).to.equal('¥1,500');
  });

  it('never prints NaN for malformed money', () => {
    expect(formatMoney({ amount: 12.5, currency: 'CNY' })).to.equal('—');
    expect(formatMoney({ amount: Number.NaN, currency: 'CNY' })).to.equal('—');
    expect(formatMoney({ amount: 100, currency: 'yuan' })).to.equal('—');
    expect(formatMoney(undefined as never)).to.equal('—');
  });

  it('validates money', () => {
    expect(isMoney({ amount: 100, currency: 'CNY' })).to.be.true;
    expect(isMoney({ amount: 1.5, currency: 'CNY' })).to.be.false;
    expect(isMoney({ amount: '100', currency: 'CNY' })).to.be.false;
    expect(isMoney(null)).to.be.false;
  });

  it('parses decimal text into minor units without floating-point error', () => {
    expect(parseMoney('12.9', 'CNY')).to.deep.equal({ amount: 1290, currency: 'CNY' });
    expect(parseMoney('0.29', 'CNY')).to.deep.equal({ amount: 29, currency: 'CNY' });
    expect(parseMoney('1.005', 'CNY')).to.equal(null);
    expect(parseMoney('abc', 'CNY')).to.equal(null);
  });
});

describe('locale', () => {
  it('maps host page language tags onto shipped locales', () => {
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(resolveLocale('fr')).to.equal('zh-CN');
    expect(resolveLocale(undefined)).to.equal('zh-CN');
  });

  it('formats dates through Intl in both locales', () => {
    const at = Date.UTC(2026, 10, 11, 4, 0);
    expect(formatDate(at, 'zh-CN', 'date', 'Asia/Shanghai')).to.equal('2026年11月11日');
    expect(formatDate(at, 'en', 'date', 'Asia/Shanghai')).to.equal('November 11, 2026');
    expect(formatDate('not a date', 'en')).to.equal('—');
  });
});
