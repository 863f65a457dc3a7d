import { expect } from '@open-wc/testing';
import { PINYIN_SYLLABLES, pinyinOf, splitPinyin } from '../../src/search/zh/pinyin.js';
import { simplify, simplifyChar } from '../../src/search/zh/traditional.js';

/** The 6,763 hanzi of GB2312 (bytes 0xB0A1..0xF7FE), through the browser's GBK decoder. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const char = decoder.decode(new Uint8Array([hi, lo]));
      if ([...char].length === 1 && /\p{Script=Han}/u.test(char)) out.push(char);
    }
  }
  return out;
}

describe('zh tables', () => {
  // First: these calls decode the tables, so they measure the one-time cost.
  it('decodes each table once, quickly, on first use', () => {
    const t0 = performance.now();
    pinyinOf('短');
    const t1 = performance.now();
    simplifyChar('長');
    const t2 = performance.now();
    console.log(`zh tables: pinyin decoded in ${(t1 - t0).toFixed(1)} ms, traditional in ${(t2 - t1).toFixed(1)} ms`);
    // The budget is 20 ms; coverage instrumentation and slow CI machines get some slack.
    expect(t1 - t0).to.be.below(100);
    expect(t2 - t1).to.be.below(100);
    const t3 = performance.now();
    for (const char of '长袖短袖衬衫连衣裙') pinyinOf(char);
    expect(performance.now() - t3).to.be.below(5);
  });

  describe('pinyinOf', () => {
    it('reads single characters toneless and lower case', () => {
      expect(pinyinOf('短')).to.deep.equal(['duan']);
      expect(pinyinOf('袖')).to.deep.equal(['xiu']);
      expect(pinyinOf('衫')).to.deep.equal(['shan']);
    });

    it('lists polyphones with the most common reading first', () => {
      expect(pinyinOf('长')).to.deep.equal(['chang', 'zhang']);
      expect(pinyinOf('行').slice(0, 2)).to.deep.equal(['xing', 'hang']);
      expect(pinyinOf('重')).to.deep.equal(['zhong', 'chong']);
      expect(pinyinOf('了')[0]).to.equal('le');
    });

    it('writes ü as v', () => {
      expect(pinyinOf('女')[0]).to.equal('nv');
      expect(pinyinOf('绿')[0]).to.equal('lv');
      expect(pinyinOf('略')).to.deep.equal(['lve']);
      expect(pinyinOf('虐')).to.deep.equal(['nve']);
    });

    it('returns [] for anything but one Han character', () => {
      for (const text of ['a', 'A', '1', ' ', '', '。', 'ア', '短袖', '😀']) expect(pinyinOf(text)).to.deep.equal([]);
    });

    it('covers every GB2312 hanzi and the simplified targets of the traditional table', () => {
      const hanzi = gb2312Hanzi();
      expect(hanzi).to.have.length(6763);
      expect(hanzi.filter((char) => pinyinOf(char).length === 0)).to.deep.equal([]);
      for (const readings of hanzi.map(pinyinOf)) {
        for (const reading of readings) expect(reading).to.match(/^[a-z]+$/);
      }
      expect(pinyinOf('钟')[0]).to.equal('zhong');
    });

    it('returns shared, frozen lists', () => {
      expect(Object.isFrozen(pinyinOf('短'))).to.be.true;
      expect(pinyinOf('短')).to.equal(pinyinOf('短'));
    });
  });

  describe('PINYIN_SYLLABLES', () => {
    it('holds the toneless syllables, with v for ü', () => {
      for (const s of ['a', 'ai', 'an', 'duan', 'xiu', 'zhuang', 'zuo', 'lv', 'nv', 'lve', 'nve', 'er', 'o']) {
        expect(PINYIN_SYLLABLES.has(s), s).to.be.true;
      }
      for (const s of ['x', 'zh', 'v', 'lu:', 'ng', 'n', 'm', 'duanx']) expect(PINYIN_SYLLABLES.has(s), s).to.be.false;
      expect(PINYIN_SYLLABLES.size).to.be.within(395, 420);
    });
  });

  describe('splitPinyin', () => {
    it('splits whole syllables, fewest and longest pieces first', () => {
      const duanxiu = splitPinyin('duanxiu');
      expect(duanxiu[0]).to.deep.equal(['duan', 'xiu']);
      expect(duanxiu).to.deep.equal([
        ['duan', 'xiu'],
        ['du', 'an', 'xiu'],
      ]);
      expect(splitPinyin('zhongguo')[0]).to.deep.equal(['zhong', 'guo']);
      expect(splitPinyin('zhongguo')).to.deep.include(['zhong', 'gu', 'o']);
    });

    it('returns every reading of an ambiguous word', () => {
      const xian = splitPinyin('xian');
      expect(xian[0]).to.deep.equal(['xian']);
      expect(xian[1]).to.deep.equal(['xi', 'an']);
      // As you type, the last piece may be half a syllable: xia + n(a, e, i...) comes after.
      expect(xian).to.deep.include(['xia', 'n']);
    });

    it('lets only the last piece be a half-typed syllable', () => {
      expect(splitPinyin('duanx')).to.deep.equal([
        ['duan', 'x'],
        ['du', 'an', 'x'],
      ]);
      expect(splitPinyin('zh')).to.deep.equal([['zh']]);
      expect(splitPinyin('duanxiuch')[0]).to.deep.equal(['duan', 'xiu', 'ch']);
    });

    it('reads initials-only abbreviations such as dx as no pinyin (the search matches those by initials)', () => {
      expect(splitPinyin('dx')).to.deep.equal([]);
      expect(splitPinyin('zgr')).to.deep.equal([]);
    });

    it('ignores case, accepts ü and honours apostrophes and spaces as boundaries', () => {
      expect(splitPinyin('DuanXiu')[0]).to.deep.equal(['duan', 'xiu']);
      expect(splitPinyin('nü')).to.deep.equal([['nv']]);
      // The apostrophe rules out 'xian'; 'xi a n(...)' stays as the half-typed reading.
      expect(splitPinyin("xi'an")).to.deep.equal([
        ['xi', 'an'],
        ['xi', 'a', 'n'],
      ]);
      expect(splitPinyin('xi an')).to.deep.equal(splitPinyin("xi'an"));
      expect(splitPinyin("zhong'guo")[0]).to.deep.equal(['zhong', 'guo']);
    });

    it('returns [] for text that is no pinyin', () => {
      for (const text of ['qqqq', '', 'shirt', 'v', 'abc1', '短袖', 'x-y']) expect(splitPinyin(text), text).to.deep.equal([]);
    });

    it('returns at most 8 segmentations, quickly, even for long ambiguous input', () => {
      const t0 = performance.now();
      const splits = splitPinyin('xianxianxianxianxianxianxianxian');
      expect(performance.now() - t0).to.be.below(20);
      expect(splits).to.have.length(8);
      expect(splits[0]).to.deep.equal(Array(8).fill('xian'));
      expect(splitPinyin('a'.repeat(65))).to.deep.equal([]);
    });
  });

  describe('simplify', () => {
    it('maps traditional characters to simplified ones', () => {
      expect(simplifyChar('長')).to.equal('长');
      expect(simplify('長袖')).to.equal('长袖');
      expect(simplify('襯衫')).to.equal('衬衫');
      expect(simplify('說話')).to.equal('说话');
      expect(simplify('體育')).to.equal('体育');
      expect(simplify('長袖襯衫')).to.equal('长袖衬衫');
    });

    it('takes the first simplified form of a character with several, and folds TW/HK variants', () => {
      expect(simplifyChar('乾')).to.equal('干');
      expect(simplifyChar('髮')).to.equal('发');
      expect(simplifyChar('衞')).to.equal('卫');
    });

    it('leaves simplified and non-Chinese text unchanged', () => {
      expect(simplifyChar('a')).to.equal('a');
      const text = '纯棉短袖T恤，男女同款 长袖衬衫 运动裤 ¥99.00 😀 什么 著名 台湾 温度';
      expect(simplify(text)).to.equal(text);
      expect(simplify('')).to.equal('');
    });
  });
});
