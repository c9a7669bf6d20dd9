/**
 * The pages' one stylesheet and one script, inlined so a page is a single response. The CSP allows
 * exactly these bytes by their sha256 hashes, computed here at module load so they can never drift.
 * No `style="…"` attributes anywhere: the policy would block them.
 */
import { createHash } from 'node:crypto';
import type { PagePolicy } from '../http/middleware.js';
import { CLIENT_SCRIPT } from './client-script.js';

// Colours are WCAG AA on white: text #1a1a1a (17:1), muted #4a4a4a (8.9:1), links/buttons #0b5cad
// (6.6:1), errors #b3261e (6.5:1); input borders #767676 (4.5:1, above the 3:1 for controls).
export const CSS = `:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--accent:#0b5cad;--err:#b3261e;--line:#767676;--soft:#f2f4f7}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--fg);font:16px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
a{color:var(--accent)}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.25rem 1rem;padding:.5rem 1rem;background:var(--soft);border-bottom:1px solid #d5d9df}
.top .app{font-weight:700}
.top nav{display:flex;gap:.25rem}
.top nav a{display:inline-block;padding:.5rem .75rem;min-height:44px;border-radius:6px}
.top nav a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 .75rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
p{margin:0 0 .75rem}
.hint{color:var(--muted);font-size:.9375rem;margin:0 0 .375rem}
.f{margin:0 0 1.25rem}
label,legend{display:block;font-weight:600;margin:0 0 .25rem;padding:0}
.req{color:var(--err)}
input,select,textarea{display:block;width:100%;min-height:48px;padding:.625rem .75rem;border:2px solid var(--line);border-radius:6px;background:#fff;color:var(--fg);font:inherit;font-size:16px}
textarea{min-height:7.5rem;resize:vertical}
fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}
.sub{margin:0 0 .75rem}
.sub label{font-weight:400}
.opts{display:grid;gap:.125rem}
.opt{display:flex;gap:.75rem;align-items:flex-start;padding:.5rem 0;font-weight:400;margin:0}
.opt input{width:1.5rem;height:1.5rem;min-height:0;margin:.1rem 0 0;flex:none;accent-color:var(--accent)}
[aria-invalid=true]{border-color:var(--err);border-width:3px}
.err{color:var(--err);font-weight:700;margin:.125rem 0 .375rem}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
input:focus-visible,select:focus-visible,textarea:focus-visible{border-color:var(--fg)}
.summary{border:3px solid var(--err);border-radius:8px;padding:.75rem 1rem;margin:0 0 1.25rem}
.summary h2{margin:0 0 .5rem;font-size:1.0625rem;color:var(--err)}
.summary ul{margin:0;padding-left:1.25rem}
.summary li{margin:.25rem 0}
details{border:2px solid #c7ccd3;border-radius:8px;margin:0 0 1.25rem;padding:0 1rem}
details[open]{padding-bottom:.25rem}
summary{cursor:pointer;font-weight:700;padding:.75rem 0;min-height:48px;color:var(--accent)}
details[open] summary{margin-bottom:.5rem}
button,.btn{display:block;width:100%;min-height:52px;padding:.75rem 1rem;border:0;border-radius:8px;background:var(--accent);color:#fff;font:inherit;font-size:1.125rem;font-weight:700;text-align:center;text-decoration:none;cursor:pointer}
button[disabled]{background:#4a4a4a;cursor:progress}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.card{background:var(--soft);border-radius:8px;padding:1rem;margin:0 0 1rem}
.card h2{margin-top:0}
.lbl{font-weight:600;margin:0}
.caseno{font-size:2.5rem;line-height:1.2;font-weight:800;letter-spacing:.04em;font-variant-numeric:tabular-nums;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
.notice{border-left:5px solid #a35200;background:#fff4e5;padding:.75rem 1rem;margin:0 0 1rem}
.notice p:last-child{margin:0}
.strong{font-weight:700}
.first{font-size:1.25rem;font-weight:700}
.dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 .5rem}
.dl dt{font-weight:600}
.dl dd{margin:0;font-variant-numeric:tabular-nums}
.steps{list-style:none;margin:0 0 1rem;padding:0}
.steps li{padding:.375rem 0 .375rem 1.75rem;position:relative;color:var(--muted)}
.steps li::before{content:"";position:absolute;left:.25rem;top:.75rem;width:.75rem;height:.75rem;border-radius:50%;border:2px solid var(--line);background:#fff}
.steps li.done::before{background:var(--line)}
.steps li[aria-current]{color:var(--fg);font-weight:700}
.steps li[aria-current]::before{background:var(--accent);border-color:var(--accent)}
@media (min-width:40rem){h1{font-size:1.75rem}button,.btn{width:auto;display:inline-block;min-width:14rem}}
`;

export { CLIENT_SCRIPT };

/** The CSP source expression for exactly these bytes (as a browser hashes an inline element's text). */
const cspHash = (text: string): string =>
  `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

const STYLE_HASH = cspHash(CSS);
const SCRIPT_HASH = cspHash(CLIENT_SCRIPT);

/** The content security policy's allowance for the pages: exactly these two inline elements. */
export const PAGE_POLICY: PagePolicy = { scriptHashes: [SCRIPT_HASH], styleHashes: [STYLE_HASH] };
