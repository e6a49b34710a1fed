// Markup with escaping by default: html`<td>${name}</td>` escapes every interpolated value
// unless it is itself markup made by html`` (or trusted with raw()); arrays are joined, null,
// undefined and false are left out. Views build their markup with it, so text from the server
// or the user is never read as HTML.

/** Markup that is safe to insert (built by html`` or trusted with raw()). */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and attribute values. */
export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function part(v: unknown): string {
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeText(String(v));
}

/** The tagged template: interpolations escaped unless they are Markup. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Trusts a string as markup (only for markup built elsewhere, never for data). */
export function raw(s: string): Markup {
  return new Markup(s);
}
