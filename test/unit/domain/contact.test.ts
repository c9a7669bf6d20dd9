import { describe, expect, it } from 'vitest';
import {
  contactIdentities,
  maskContactsInText,
  maskEmail,
  maskedContact,
  maskName,
  maskPhone,
  normalizeEmail,
  normalizePhone,
  phoneLast4,
} from '../../../shared/domain/contact.js';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['(010) 1234-5678', '01012345678'],
    ['0755-88888888', '075588888888'],
    ['12345', '12345'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('keeps 11-digit numbers that merely start with 86', () => {
    expect(normalizePhone('86123456789')).toBe('86123456789');
  });
});

describe('masks', () => {
  it('masks a mobile as 3 + **** + 4, whatever its format', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+86 138-0013-8000')).toBe('138****8000');
    expect(maskPhone('0086 13800138000')).toBe('138****8000');
    expect(maskPhone('075588888888')).toBe('075*****8888');
  });

  it('never shows a short number in full', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('8765432')).toBe('***5432');
    expect(maskPhone('87654321')).toBe('****4321');
    for (const p of ['1234567', '12345678', '123456789', '1234567890']) {
      expect(maskPhone(p)).toMatch(/^\*{3,}\d{4}$/);
    }
  });

  it('masks emails and names', () => {
    expect(normalizeEmail('  Zhang.San@Example.COM ')).toBe('zhang.san@example.com');
    expect(maskEmail('Zhang.San@Example.com')).toBe('z***@example.com');
    expect(maskEmail('a@qq.com')).toBe('a***@qq.com');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张')).toBe('*');
    expect(maskName(' Alexander ')).toBe('A***');
    expect(maskName('😀😀')).toBe('😀*');
  });

  it('builds a masked contact line', () => {
    expect(maskedContact({ name: '张三', phone: '13800138000', email: 'zs@qq.com', wechat: 'wxid' })).toBe(
      '138****8000 / z***@qq.com / WeChat ***',
    );
    expect(maskedContact({ name: '张三' })).toBe('');
  });
});

describe('contactIdentities', () => {
  it('normalises every contact', () => {
    expect(
      contactIdentities({
        name: '张三',
        phone: '+86 139 1234 5678',
        email: ' Zhang@QQ.com ',
        wechat: ' WxID_Abc ',
      }),
    ).toEqual(['phone:13912345678', 'email:zhang@qq.com', 'wechat:wxid_abc']);
  });

  it('makes the same identity from different spellings of a number', () => {
    const a = contactIdentities({ name: 'a', phone: '0086-139-1234-5678' });
    const b = contactIdentities({ name: 'b', phone: '13912345678' });
    expect(a).toEqual(b);
  });

  it("treats the form's own examples and all-same digits as no contact: they would link strangers", () => {
    expect(contactIdentities({ name: 'a', phone: '138 0013 8000', email: 'Name@Example.com' })).toEqual([]);
    expect(contactIdentities({ name: 'b', phone: '000-0000-0000' })).toEqual([]);
    expect(contactIdentities({ name: 'c', phone: '11111111111', wechat: 'wx1' })).toEqual(['wechat:wx1']);
  });

  it('skips too-short phones and blank WeChat ids', () => {
    expect(contactIdentities({ name: '张三', phone: '12345', wechat: '   ' })).toEqual([]);
    expect(contactIdentities({ name: '张三' })).toEqual([]);
  });
});

describe('maskContactsInText', () => {
  it.each([
    ['我的电话13800138000，请尽快回复', '我的电话[phone]，请尽快回复'],
    ['电话：138-0013-8000。', '电话：[phone]。'],
    ['电话 138 0013 8000 谢谢', '电话 [phone] 谢谢'],
    ['+86 138 0013 8000', '[phone]'],
    ['+86-13800138000', '[phone]'],
    ['0086 13800138000', '[phone]'],
    ['座机010-12345678转人工', '座机[phone]转人工'],
    ['座机0755 8888 8888', '座机[phone]'],
    ['座机(0755)88888888', '座机[phone]'],
    ['座机（021）6123 4567', '座机[phone]'],
    ['请联系我zhang@example.com谢谢', '请联系我[email]谢谢'],
    ['邮箱：li.si+photo@qq.com，微信同号', '邮箱：[email]，微信同号'],
    ['Email Zhang.San@Studio.Example.CN.', 'Email [email].'],
  ])('%j → %j', (text, expected) => {
    expect(maskContactsInText(text)).toBe(expected);
  });

  it('leaves order numbers, amounts and case numbers alone', () => {
    const text = '订单号2026112013800138000，金额8800元，案件261120-007，日期2026-11-20';
    expect(maskContactsInText(text)).toBe(text);
  });

  it('masks every occurrence', () => {
    expect(maskContactsInText('13800138000 / 13900139000 / a@b.cn / c@d.cn')).toBe(
      '[phone] / [phone] / [email] / [email]',
    );
  });
});

describe('phoneLast4', () => {
  it('is the last four digits of the normalised phone', () => {
    expect(phoneLast4({ name: '张三', phone: '+86 138-0013-8000' })).toBe('8000');
    expect(phoneLast4({ name: '张三', phone: '010-1234 5678' })).toBe('5678');
    expect(phoneLast4({ name: '张三', phone: '12' })).toBeUndefined();
    expect(phoneLast4({ name: '张三', email: 'a@b.cn' })).toBeUndefined();
  });
});
