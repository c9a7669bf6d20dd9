/** Messages for the validation codes in `issues[].code`, in both languages (server and page script share them). */
import type { Lang } from '../domain/values.js';

/** Messages for the `issues[].code` values; `{n}` is the limit in `too_long:N` / `too_many:N`. */
const MESSAGES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    required: '请填写此项。',
    'category.required': '请选择投诉类别。',
    'accessCode.required': '请输入员工口令。',
    'caseNo.required': '请输入案件编号。',
    'last4.required': '请输入手机号后4位。',
    contact_required: '请至少填写一种联系方式：电话、邮箱或微信。',
    invalid_phone: '请输入有效的电话号码，例如 138 0013 8000。',
    invalid_email: '请输入有效的邮箱地址，例如 name@example.com。',
    invalid_option: '请从选项中选择。',
    too_long: '内容过长：最多 {n} 个字。',
    too_many: '数量过多：最多 {n} 项。',
    control_chars: '包含不允许的字符。',
    invalid_date: '请输入有效的日期和时间。',
    future_date: '时间不能晚于现在。',
    before_received: '约定答复时间不能早于接收投诉的时间。',
    too_old: '这个时间太早了，请检查日期。',
    too_far: '这个时间太远了，请检查日期。',
    invalid_text: '包含无法识别的字符（可能是复制粘贴造成的），请重新输入。',
    unknown_field: '无法识别此项。',
    wrong_code: '员工口令不正确。',
    invalid: '内容无效，请检查。',
  },
  en: {
    required: 'Please fill this in.',
    'category.required': 'Choose a category.',
    'accessCode.required': 'Enter the staff access code.',
    'caseNo.required': 'Enter the case number.',
    'last4.required': 'Enter the last 4 digits of your phone.',
    contact_required: 'Give at least one way to reach the customer: phone, email or WeChat.',
    invalid_phone: 'Enter a phone number using digits, for example 138 0013 8000.',
    invalid_email: 'Enter an email address like name@example.com.',
    invalid_option: 'Choose one of the options.',
    too_long: 'Too long: at most {n} characters.',
    too_many: 'Too many: at most {n}.',
    control_chars: 'Contains characters that are not allowed.',
    invalid_date: 'Enter a valid date and time.',
    future_date: 'This time is in the future.',
    before_received: 'The promised reply time must be after the complaint was received.',
    too_old: 'This is too long ago. Check the date.',
    too_far: 'This is too far ahead. Check the date.',
    invalid_text:
      'Contains characters that cannot be read (perhaps from copy and paste). Please type it again.',
    unknown_field: 'This field is not recognised.',
    wrong_code: 'The access code is wrong.',
    invalid: 'This value is not valid.',
  },
};

/** The dictionary the page's script uses (same wording as the server). */
export const messagesFor = (lang: Lang): Record<string, string> => MESSAGES[lang];

export function issueMessage(lang: Lang, field: string, code: string): string {
  const m = /^(too_long|too_many):(\d+)$/.exec(code);
  const dict = MESSAGES[lang];
  const text = dict[`${field}.${code}`] ?? dict[m?.[1] ?? code] ?? dict.invalid ?? code;
  return m?.[2] ? text.replace('{n}', m[2]) : text;
}
