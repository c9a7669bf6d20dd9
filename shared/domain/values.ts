/**
 * Bilingual value lists for the case fields. They are configuration, not code: a business may
 * replace them (see `parseValueLists`), but every code must stay stable once cases use it because
 * DynamoDB stores codes, and the sheet and the form show labels.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export interface ValueOption {
  code: string;
  label: Record<Lang, string>;
}

export interface ValueLists {
  channel: ValueOption[];
  stage: ValueOption[];
  category: ValueOption[];
  severity: ValueOption[];
  request: ValueOption[];
  notifyMethod: ValueOption[];
  satisfaction: ValueOption[];
}

export type ValueListName = keyof ValueLists;

const o = (code: string, zh: string, en: string): ValueOption => ({ code, label: { 'zh-CN': zh, en } });

export const DEFAULT_VALUE_LISTS: ValueLists = {
  channel: [
    o('on_site', '化妆造型/拍照现场', 'On site (make-up / shoot)'),
    o('front_desk', '门市/前台/看样选片/取件', 'Front desk / selection / pickup'),
    o('phone', '电话', 'Phone'),
    o('online', '网络', 'Online / chat'),
    o('web_form', '网页表单', 'Web form'),
    o('sheet', '表格录入', 'Entered in the sheet'),
  ],
  stage: [
    o('reception', '接待', 'Reception'),
    o('makeup', '化妆造型', 'Make-up & styling'),
    o('shoot', '拍摄', 'Shoot'),
    o('selection', '选片', 'Photo selection'),
    o('post_production', '后期制作', 'Post-production'),
    o('delivery', '取件', 'Delivery / pickup'),
    o('billing', '收费', 'Billing'),
    o('after_sales', '售后', 'After-sales'),
  ],
  category: [
    o('quality', '技术/质量', 'Photo / technical quality'),
    o('attitude', '服务态度', 'Service attitude'),
    o('delay', '延误', 'Delay / timeliness'),
    o('false_advertising', '虚假宣传', 'False advertising'),
    o('privacy', '隐私泄露', 'Privacy leak'),
    o('charges', '收费不合理', 'Unreasonable or unclear charges'),
    o('wrong_info', '信息错误', 'Wrong information'),
    o('safety', '安全', 'Safety'),
    o('other', '其他', 'Other'),
  ],
  severity: [
    o('normal', '一般', 'Normal'),
    o('high', '较高（重复投诉/情绪激动/要求退款）', 'High (repeat contact, very upset, refund demanded)'),
    o(
      'critical',
      '严重（隐私泄露/消协/法律/受伤）',
      'Critical (privacy leak, consumer association, legal, injury)',
    ),
  ],
  request: [
    o('apology', '道歉', 'Apology'),
    o('refund', '退款', 'Refund'),
    o('reshoot', '重拍', 'Reshoot'),
    o('retouch', '重新修片', 'Re-edit photos'),
    o('discount', '折扣/优惠', 'Discount'),
    o('explanation', '解释说明', 'Explanation'),
    o('other', '其他', 'Other'),
  ],
  notifyMethod: [
    o('phone', '电话', 'Phone'),
    o('wechat', '微信', 'WeChat'),
    o('email', '邮件', 'Email'),
    o('in_person', '当面', 'In person'),
    o('sms', '短信', 'SMS'),
  ],
  satisfaction: [
    o('satisfied', '满意', 'Satisfied'),
    o('neutral', '一般', 'Neutral'),
    o('dissatisfied', '不满意', 'Dissatisfied'),
  ],
};

/** Categories that make a case critical on their own (domain: privacy leak reaches the executive manager). */
export const CRITICAL_CATEGORIES: readonly string[] = ['privacy', 'safety'];

export function codes(lists: ValueLists, name: ValueListName): string[] {
  return lists[name].map((v) => v.code);
}

export function labelOf(lists: ValueLists, name: ValueListName, code: string, lang: Lang): string {
  return lists[name].find((v) => v.code === code)?.label[lang] ?? code;
}

/** "zh en": how the sheet shows a value, so every manager reads it in their language. */
export const bilingual = (label: Record<Lang, string>): string => `${label['zh-CN']} ${label.en}`;

const loose = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The code a person meant: the code itself, either label, or both as the sheet shows them; case,
 * width (full-width letters) and spacing do not matter. undefined when nothing matches.
 */
export function codeFromLabel(
  options: readonly { code: string; label: Record<Lang, string> }[],
  text: string,
): string | undefined {
  const t = loose(text);
  if (!t) return undefined;
  return options.find(
    (o) =>
      loose(o.code) === t ||
      loose(o.label['zh-CN']) === t ||
      loose(o.label.en) === t ||
      loose(bilingual(o.label)) === t,
  )?.code;
}

/**
 * Merges a business's overrides (JSON from configuration) onto the defaults, list by list.
 * Throws with the offending list named when an entry is malformed.
 */
export function parseValueLists(json: string | undefined): ValueLists {
  if (!json) return DEFAULT_VALUE_LISTS;
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: ValueLists = { ...DEFAULT_VALUE_LISTS };
  for (const [name, list] of Object.entries(raw)) {
    if (!(name in DEFAULT_VALUE_LISTS)) throw new Error(`VALUE_LISTS: unknown list "${name}"`);
    if (!Array.isArray(list) || list.length === 0)
      throw new Error(`VALUE_LISTS.${name}: expected a non-empty array`);
    const seen = new Set<string>();
    out[name as ValueListName] = list.map((entry, i) => {
      const e = entry as { code?: unknown; zh?: unknown; en?: unknown };
      if (typeof e.code !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(e.code) || seen.has(e.code)) {
        throw new Error(`VALUE_LISTS.${name}[${i}]: code must be unique lower_snake_case`);
      }
      if (typeof e.zh !== 'string' || typeof e.en !== 'string') {
        throw new Error(`VALUE_LISTS.${name}[${i}]: needs "zh" and "en" labels`);
      }
      seen.add(e.code);
      return o(e.code, e.zh, e.en);
    });
  }
  for (const required of ['normal', 'high', 'critical']) {
    if (!out.severity.some((s) => s.code === required))
      throw new Error(`VALUE_LISTS.severity must keep "${required}"`);
  }
  return out;
}
